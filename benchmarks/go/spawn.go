package benchmarks

// SpawnAndCollect is W5: it starts n goroutines that each send their index on one unbuffered channel,
// then calls allStarted (if not nil), then receives the n values and returns their sum. Each goroutine
// calls beforeSend (if not nil) just before its send, so a caller can tell when all of them are blocked.
func SpawnAndCollect(n int, beforeSend, allStarted func()) int64 {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go func(v int) {
			if beforeSend != nil {
				beforeSend()
			}
			ch <- v
		}(i)
	}
	if allStarted != nil {
		allStarted()
	}
	var sum int64
	for i := 0; i < n; i++ {
		sum += int64(<-ch)
	}
	return sum
}
