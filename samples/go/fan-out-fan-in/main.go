// Fan-out/fan-in: three workers read from one channel (fan-out), and their outputs are merged into one
// channel (fan-in). Which worker squares which number, and the merged order, vary from run to run, so the
// results are printed sorted.
//
// Output:
// [1 4 9 16 25 36 49 64 81 100]
package main

import (
	"fmt"
	"sort"
	"sync"
)

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			for n := range c {
				out <- n
			}
			wg.Done()
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := gen(10)
	var results []int
	for n := range merge(sq(in), sq(in), sq(in)) {
		results = append(results, n)
	}
	sort.Ints(results)
	fmt.Println(results)
}
