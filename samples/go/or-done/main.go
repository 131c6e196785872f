// Or-done: ranging over a channel we do not own, whose producer may never close it, while still stopping
// when we are done. orDone wraps the channel: its copy ends when the source closes or done closes,
// whichever comes first. Here the producer sends three values and then hangs; a 20ms timeout ends the
// loop.
//
// Output:
// got 1
// got 2
// got 3
// stopped: context deadline exceeded
package main

import (
	"context"
	"fmt"
	"time"
)

func orDone(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case <-done:
				return
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- v:
				case <-done:
					return
				}
			}
		}
	}()
	return out
}

func main() {
	in := make(chan int, 3) // a channel its producer never closes
	for i := 1; i <= 3; i++ {
		in <- i
	}

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	for v := range orDone(ctx.Done(), in) {
		fmt.Println("got", v)
	}
	fmt.Println("stopped:", ctx.Err())
}
