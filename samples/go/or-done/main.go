// Or-done: ranging over a channel we do not own, whose producer may never close it, while still stopping
// when we are done. orDone wraps the channel: its copy ends when the source closes or done closes,
// whichever comes first. Here the channel holds three values and is never closed; having seen the
// third, the consumer cancels, and the loop ends (without orDone it would block for ever). After the third
// value only the done case can be ready, so this is deterministic.
//
// Output:
// got 1
// got 2
// got 3
// stopped: context canceled
package main

import (
	"context"
	"fmt"
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

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for v := range orDone(ctx.Done(), in) {
		fmt.Println("got", v)
		if v == 3 {
			cancel() // seen enough (or: a deadline, a signal...)
		}
	}
	fmt.Println("stopped:", ctx.Err())
}
