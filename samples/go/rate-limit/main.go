// Rate limiting: first one request per tick of a ticker; then a token bucket that holds 3 tokens (the
// burst) and gets one more per tick, dropped if the bucket is full. Each request prints the token it
// took; the bucket is a FIFO channel, so the three burst tokens always come first.
//
// Output:
// request 1
// request 2
// request 3
// bursty request 1: burst token
// bursty request 2: burst token
// bursty request 3: burst token
// bursty request 4: tick
// bursty request 5: tick
package main

import (
	"fmt"
	"time"
)

func main() {
	limiter := time.NewTicker(10 * time.Millisecond)
	defer limiter.Stop()
	for req := 1; req <= 3; req++ {
		<-limiter.C // one request per tick
		fmt.Println("request", req)
	}

	bucket := make(chan string, 3)
	for i := 0; i < 3; i++ {
		bucket <- "burst token"
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		refill := time.NewTicker(10 * time.Millisecond)
		defer refill.Stop()
		for {
			select {
			case <-refill.C:
				select {
				case bucket <- "tick":
				default: // bucket full: the token is lost
				}
			case <-done:
				return
			}
		}
	}()
	for req := 1; req <= 5; req++ {
		fmt.Printf("bursty request %d: %s\n", req, <-bucket)
	}
}
