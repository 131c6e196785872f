// Timeouts with select: a result channel and time.After race in a select. The first call takes 200ms
// against a 20ms timeout and times out; the second takes 1ms against 200ms and returns its result.
//
// Output:
// timeout 1
// result 2
package main

import (
	"fmt"
	"time"
)

func call(name string, took time.Duration) <-chan string {
	c := make(chan string, 1) // buffered: a call nobody waits for any more can still finish
	go func() {
		time.Sleep(took)
		c <- "result " + name
	}()
	return c
}

func main() {
	select {
	case res := <-call("1", 200*time.Millisecond):
		fmt.Println(res)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout 1")
	}

	select {
	case res := <-call("2", time.Millisecond):
		fmt.Println(res)
	case <-time.After(200 * time.Millisecond):
		fmt.Println("timeout 2")
	}
}
