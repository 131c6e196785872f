// Buffered producer/consumer: the producer runs up to 3 values ahead of the consumer, then blocks until
// the consumer frees a slot. One producer and one consumer, so values arrive in the order sent.
//
// Output:
// consumed 1
// consumed 4
// consumed 9
// consumed 16
// consumed 25
// consumed 36
// total 91
package main

import "fmt"

func main() {
	queue := make(chan int, 3)
	go func() {
		for i := 1; i <= 6; i++ {
			queue <- i * i // blocks only while 3 values wait
		}
		close(queue)
	}()
	total := 0
	for v := range queue {
		fmt.Println("consumed", v)
		total += v
	}
	fmt.Println("total", total)
}
