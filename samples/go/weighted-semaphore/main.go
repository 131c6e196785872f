// Weighted semaphore: tasks of weights 1, 2, 3, 1, 2 share a capacity of 3; each acquires its weight
// before it starts. Acquiring the whole capacity at the end waits for all of them. Tasks finish in any
// order, so each fills its own slot; the peak weight in use is exactly 3 (the weight-3 task holds it all).
//
// Output:
// task 0 (weight 1) done
// task 1 (weight 2) done
// task 2 (weight 3) done
// task 3 (weight 1) done
// task 4 (weight 2) done
// peak use 3 of 3
package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"chanflow.io/samples/internal/semaphore" // golang.org/x/sync/semaphore
)

func main() {
	ctx := context.Background()
	const capacity = 3
	sem := semaphore.NewWeighted(capacity)
	weights := []int64{1, 2, 3, 1, 2}
	done := make([]string, len(weights))
	var mu sync.Mutex
	var used, peak int64
	for i, w := range weights {
		if err := sem.Acquire(ctx, w); err != nil {
			panic(err)
		}
		go func(i int, w int64) {
			defer sem.Release(w)
			mu.Lock()
			used += w
			if used > peak {
				peak = used
			}
			mu.Unlock()
			time.Sleep(time.Millisecond) // work
			mu.Lock()
			used -= w
			mu.Unlock()
			done[i] = fmt.Sprintf("task %d (weight %d) done", i, w)
		}(i, w)
	}
	if err := sem.Acquire(ctx, capacity); err != nil { // wait for every task
		panic(err)
	}
	for _, d := range done {
		fmt.Println(d)
	}
	fmt.Printf("peak use %d of %d\n", peak, capacity)
}
