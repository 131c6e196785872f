// Bounded parallelism: one goroutine per task, but a buffered channel used as a semaphore lets at most
// three run at once. Tasks finish in any order, so the results are aggregated; the peak number of tasks
// running at once is measured and checked against the limit.
//
// Output:
// 12 files, 1116 bytes
// at most 3 at once: true
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const limit = 3
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var mu sync.Mutex
	running, peak, total := 0, 0, 0
	for i := 1; i <= 12; i++ {
		wg.Add(1)
		go func(file int) {
			defer wg.Done()
			sem <- struct{}{}        // acquire a slot
			defer func() { <-sem }() // release it
			mu.Lock()
			running++
			if running > peak {
				peak = running
			}
			mu.Unlock()
			time.Sleep(2 * time.Millisecond) // "read" the file
			size := 80 + file*2
			mu.Lock()
			running--
			total += size
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Printf("12 files, %d bytes\n", total)
	fmt.Println("at most 3 at once:", peak <= limit)
}
