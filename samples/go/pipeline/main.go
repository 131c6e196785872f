// Pipeline: three stages connected by channels, each a goroutine that ranges over its input and closes
// its output when done (the shape of the Go blog's "Pipelines and cancellation"): generate, square,
// square again. Each stage keeps order, so the output is in order.
//
// Output:
// 1
// 16
// 81
// 256
// 625
package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
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

func main() {
	for n := range sq(sq(gen(1, 2, 3, 4, 5))) {
		fmt.Println(n)
	}
}
