// Daisy chain: 100,000 goroutines in a line, each passing to its left neighbour one more than it gets
// from its right (Rob Pike, "Go Concurrency Patterns"). A 1 is sent in at the right end.
//
// Output:
// 100001
package main

import "fmt"

func f(left, right chan int) {
	left <- 1 + <-right
}

func main() {
	const n = 100000
	leftmost := make(chan int)
	right := leftmost
	left := leftmost
	for i := 0; i < n; i++ {
		right = make(chan int)
		go f(left, right)
		left = right
	}
	go func(c chan int) { c <- 1 }(right)
	fmt.Println(<-leftmost)
}
