package benchmarks

import (
	"fmt"
	"sync"
	"testing"
)

// W1: unbuffered ping-pong; an item is one round trip. 1M round trips per batch.
func BenchmarkW1PingPong(b *testing.B) {
	batch(b, func() int {
		n := size(1_000_000)
		ping, pong := make(chan int), make(chan int)
		go func() {
			for i := 0; i < n; i++ {
				pong <- (<-ping) + 1
			}
		}()
		var sum int64
		for i := 0; i < n; i++ {
			ping <- i
			sum += int64(<-pong)
		}
		check(b, sum, int64(n)*int64(n+1)/2)
		return n
	})
}

// W2: one producer sends 0..n-1 on a buffered channel and closes it; the consumer ranges. 10M ints.
func BenchmarkW2ProducerConsumer(b *testing.B) {
	for _, capacity := range []int{16, 1024} {
		b.Run(fmt.Sprintf("capacity=%d", capacity), func(b *testing.B) {
			batch(b, func() int {
				n := size(10_000_000)
				ch := make(chan int, capacity)
				go func() {
					for i := 0; i < n; i++ {
						ch <- i
					}
					close(ch)
				}()
				var sum int64
				for v := range ch {
					sum += int64(v)
				}
				check(b, sum, int64(n)*int64(n-1)/2)
				return n
			})
		})
	}
}

// W3: 4 producers -> 4 consumers through one buffered(128) channel, 10M ints in total.
func BenchmarkW3ManyToMany(b *testing.B) {
	const producers, consumers = 4, 4
	batch(b, func() int {
		per := size(10_000_000 / producers)
		ch := make(chan int, 128)
		var wp sync.WaitGroup
		wp.Add(producers)
		for p := 0; p < producers; p++ {
			go func() {
				defer wp.Done()
				for i := 0; i < per; i++ {
					ch <- i
				}
			}()
		}
		go func() {
			wp.Wait()
			close(ch)
		}()
		sums := make(chan int64, consumers)
		for c := 0; c < consumers; c++ {
			go func() {
				var s int64
				for v := range ch {
					s += int64(v)
				}
				sums <- s
			}()
		}
		var sum int64
		for c := 0; c < consumers; c++ {
			sum += <-sums
		}
		check(b, sum, producers*(int64(per)*int64(per-1)/2))
		return producers * per
	})
}

// W4: a select loop over 4 channels, each fed by one producer of 1M values that closes it; a closed case
// is disabled by setting its channel to nil. Capacity 0 (W4a) and 128 (W4b).
func BenchmarkW4SelectLoop(b *testing.B) {
	for _, capacity := range []int{0, 128} {
		b.Run(fmt.Sprintf("capacity=%d", capacity), func(b *testing.B) {
			batch(b, func() int {
				n := size(1_000_000)
				var chs [4]chan int
				for k := range chs {
					c := make(chan int, capacity)
					chs[k] = c
					go func() {
						for i := 0; i < n; i++ {
							c <- i
						}
						close(c)
					}()
				}
				c0, c1, c2, c3 := chs[0], chs[1], chs[2], chs[3]
				var sum int64
				for open := 4; open > 0; {
					select {
					case v, ok := <-c0:
						if !ok {
							c0 = nil
							open--
							continue
						}
						sum += int64(v)
					case v, ok := <-c1:
						if !ok {
							c1 = nil
							open--
							continue
						}
						sum += int64(v)
					case v, ok := <-c2:
						if !ok {
							c2 = nil
							open--
							continue
						}
						sum += int64(v)
					case v, ok := <-c3:
						if !ok {
							c3 = nil
							open--
							continue
						}
						sum += int64(v)
					}
				}
				check(b, sum, 4*(int64(n)*int64(n-1)/2))
				return 4 * n
			})
		})
	}
}

// W5: start n goroutines that each send one value on one unbuffered channel, then receive all; an item is
// one goroutine. 1M goroutines. Peak memory: cmd/w5mem.
func BenchmarkW5Spawn(b *testing.B) {
	batch(b, func() int {
		n := size(1_000_000)
		check(b, SpawnAndCollect(n, nil, nil), int64(n)*int64(n-1)/2)
		return n
	})
}
