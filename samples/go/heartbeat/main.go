// Heartbeat: a worker beats every 2ms while it works, and sends a result every 10ms. After three results
// it hangs and stops beating; main, which restarts a 100ms timeout at every beat or result, then declares
// it dead. Beats are not printed (how many arrive varies); results and the verdict are.
//
// Output:
// result 1
// result 2
// result 3
// no heartbeat for 100ms: worker presumed dead
package main

import (
	"fmt"
	"time"
)

func worker(stop <-chan struct{}, pulse chan<- struct{}, results chan<- int) {
	beat := time.NewTicker(2 * time.Millisecond)
	work := time.After(10 * time.Millisecond)
	for i := 1; i <= 3; {
		select {
		case <-beat.C:
			select {
			case pulse <- struct{}{}:
			default: // nobody listening: drop the beat
			}
		case <-work:
			results <- i
			i++
			work = time.After(10 * time.Millisecond)
		}
	}
	beat.Stop()
	<-stop // hang: no more results, no more beats
}

func main() {
	stop := make(chan struct{})
	defer close(stop)
	pulse := make(chan struct{}, 1)
	results := make(chan int)
	go worker(stop, pulse, results)
	for {
		select {
		case <-pulse:
		case r := <-results:
			fmt.Println("result", r)
		case <-time.After(100 * time.Millisecond):
			fmt.Println("no heartbeat for 100ms: worker presumed dead")
			return
		}
	}
}
