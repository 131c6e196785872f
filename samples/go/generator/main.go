// Generator: a function that returns a channel and feeds it from its own goroutine, until the caller
// says it has had enough by closing done.
//
// Output:
// 0
// 1
// 1
// 2
// 3
// 5
// 8
// 13
// 21
// 34
package main

import "fmt"

func fibonacci(done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		a, b := 0, 1
		for {
			select {
			case out <- a:
				a, b = b, a+b
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	fib := fibonacci(done)
	for i := 0; i < 10; i++ {
		fmt.Println(<-fib)
	}
	close(done) // the generator's goroutine returns
}
