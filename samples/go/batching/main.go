// Batching: group values into batches of up to 3, but flush a partial batch once its first value has
// waited 50ms, and the rest when the input closes. The producer sends 1 to 5, pauses 125ms, sends 6 and 7.
// A nil channel disables the timeout case while there is no batch.
//
// Output:
// [1 2 3]
// [4 5]
// [6 7]
package main

import (
	"fmt"
	"time"
)

func batch(in <-chan int, size int, wait time.Duration) <-chan []int {
	out := make(chan []int)
	go func() {
		defer close(out)
		var b []int
		var timeout <-chan time.Time // nil: no batch, no timeout
		for {
			select {
			case v, ok := <-in:
				if !ok {
					if len(b) > 0 {
						out <- b
					}
					return
				}
				if len(b) == 0 {
					timeout = time.After(wait)
				}
				b = append(b, v)
				if len(b) == size {
					out <- b
					b, timeout = nil, nil
				}
			case <-timeout:
				out <- b
				b, timeout = nil, nil
			}
		}
	}()
	return out
}

func main() {
	in := make(chan int)
	go func() {
		for i := 1; i <= 7; i++ {
			if i == 6 {
				time.Sleep(125 * time.Millisecond)
			}
			in <- i
		}
		close(in)
	}()
	for b := range batch(in, 3, 50*time.Millisecond) {
		fmt.Println(b)
	}
}
