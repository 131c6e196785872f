// Context cancellation and graceful shutdown: three workers send results until their context is
// cancelled. After five results main cancels the context and waits for every worker to notice, clean
// up and return. Which worker sent which result varies, so only the shutdown is printed, worker by worker.
//
// Output:
// received 5 results, shutting down
// worker 1 stopped
// worker 2 stopped
// worker 3 stopped
// shutdown complete: context canceled
package main

import (
	"context"
	"fmt"
	"sync"
)

func worker(ctx context.Context, id int, results chan<- int, stopped []string) {
	defer func() { stopped[id-1] = fmt.Sprintf("worker %d stopped", id) }() // clean up
	for n := id; ; n += 3 {
		select {
		case results <- n:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	results := make(chan int)
	stopped := make([]string, 3)
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			worker(ctx, id, results, stopped)
		}(id)
	}
	for i := 0; i < 5; i++ {
		<-results
	}
	fmt.Println("received 5 results, shutting down")
	cancel()
	wg.Wait()
	for _, s := range stopped {
		fmt.Println(s)
	}
	fmt.Println("shutdown complete:", ctx.Err())
}
