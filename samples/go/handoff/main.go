// Unbuffered hand-off: a send on an unbuffered channel completes only when a receiver takes the value,
// so two goroutines playing ping-pong over two such channels print in strict alternation.
//
// Output:
// ping 0
// pong 1
// ping 1
// pong 2
// ping 2
// pong 3
package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for n := range ping {
			fmt.Println("ping", n)
			pong <- n + 1 // returns only once main has taken it
		}
		close(pong)
	}()
	for i := 0; i < 3; i++ {
		ping <- i
		fmt.Println("pong", <-pong)
	}
	close(ping)
	<-pong // the player saw the close and closed pong: it is done
}
