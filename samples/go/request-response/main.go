// Request/response: a server goroutine owns its state and answers requests, each of which carries its
// own reply channel. Each client waits for its reply, so the answers print in request order.
//
// Output:
// square(2) = 4
// square(3) = 9
// square(4) = 16
// server handled 3 requests
package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(requests <-chan request, handled chan<- int) {
	count := 0
	for r := range requests {
		r.reply <- r.n * r.n
		count++
	}
	handled <- count
}

func main() {
	requests := make(chan request)
	handled := make(chan int)
	go server(requests, handled)
	for _, n := range []int{2, 3, 4} {
		reply := make(chan int)
		requests <- request{n, reply}
		fmt.Printf("square(%d) = %d\n", n, <-reply)
	}
	close(requests)
	fmt.Println("server handled", <-handled, "requests")
}
