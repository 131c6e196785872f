package benchmarks

import (
	"fmt"
	"sync"
	"testing"
)

// Jox's shapes, as on the Java side (JoxPair, JoxChain, JoxParallel, JoxSelect); an item is one
// send-receive pair (one select for JoxSelect).

func BenchmarkJoxPair(b *testing.B) {
	for _, capacity := range []int{0, 16, 100} {
		b.Run(fmt.Sprintf("capacity=%d", capacity), func(b *testing.B) {
			batch(b, func() int {
				n := size(1_000_000)
				ch := make(chan int, capacity)
				go func() {
					for i := 0; i < n; i++ {
						ch <- 63
					}
				}()
				var sum int64
				for i := 0; i < n; i++ {
					sum += int64(<-ch)
				}
				check(b, sum, 63*int64(n))
				return n
			})
		})
	}
}

func BenchmarkJoxChain(b *testing.B) {
	const channels = 10_000
	batch(b, func() int {
		elements := size(10_000_000 / channels)
		chs := make([]chan int, channels)
		for i := range chs {
			chs[i] = make(chan int)
		}
		go func() {
			for i := 0; i < elements; i++ {
				chs[0] <- 63
			}
		}()
		for t := 1; t < channels; t++ {
			go func(in, out chan int) {
				for i := 0; i < elements; i++ {
					out <- <-in
				}
			}(chs[t-1], chs[t])
		}
		var sum int64
		for i := 0; i < elements; i++ {
			sum += int64(<-chs[channels-1])
		}
		check(b, sum, 63*int64(elements))
		return elements * channels
	})
}

func BenchmarkJoxParallel(b *testing.B) {
	const pairs = 10_000
	batch(b, func() int {
		perPair := size(10_000_000 / pairs)
		var wg sync.WaitGroup
		wg.Add(pairs)
		for t := 0; t < pairs; t++ {
			ch := make(chan int)
			go func() {
				for i := 0; i < perPair; i++ {
					ch <- 91
				}
			}()
			go func() {
				defer wg.Done()
				for i := 0; i < perPair; i++ {
					<-ch
				}
			}()
		}
		wg.Wait()
		return perPair * pairs
	})
}

// JoxSelect: Go compiles a one-case select to a plain receive, so clauses=1 measures that.
func BenchmarkJoxSelect(b *testing.B) {
	b.Run("clauses=1", func(b *testing.B) {
		batch(b, func() int {
			n := sizeMultiple(1_000_000, 2)
			ch := make(chan int)
			go sendAll(ch, n)
			var sum int64
			for i := 0; i < n; i++ {
				select {
				case v := <-ch:
					sum += int64(v)
				}
			}
			check(b, sum, 63*int64(n))
			return n
		})
	})
	b.Run("clauses=2", func(b *testing.B) {
		batch(b, func() int {
			n := sizeMultiple(1_000_000, 2)
			ch1, ch2 := make(chan int), make(chan int)
			go sendAll(ch1, n/2)
			go sendAll(ch2, n/2)
			var sum int64
			for i := 0; i < n; i++ {
				select {
				case v := <-ch1:
					sum += int64(v)
				case v := <-ch2:
					sum += int64(v)
				}
			}
			check(b, sum, 63*int64(n))
			return n
		})
	})
}

func sendAll(ch chan int, n int) {
	for i := 0; i < n; i++ {
		ch <- 63
	}
}
