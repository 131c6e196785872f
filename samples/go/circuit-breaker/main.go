// Circuit breaker: after 2 consecutive failures the breaker opens, and calls fail fast without reaching
// the service; once a 20ms cool-down has passed, the next call is let through as a trial (half-open); it
// succeeds, and the breaker closes. The service is down for its first two calls.
//
// Output:
// call 1: service unavailable
// call 2: service unavailable
// call 3: circuit open
// call 4: circuit open
// cool-down
// call 5: ok
// call 6: ok
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

const (
	threshold = 2
	coolDown  = 20 * time.Millisecond
)

var errOpen = errors.New("circuit open")

type breaker struct {
	mu       sync.Mutex
	failures int
	openedAt time.Time // zero while closed
}

func (b *breaker) call(f func() error) error {
	b.mu.Lock()
	if !b.openedAt.IsZero() && time.Since(b.openedAt) < coolDown {
		b.mu.Unlock()
		return errOpen
	}
	b.mu.Unlock() // closed, or half-open: let this call through
	err := f()
	b.mu.Lock()
	defer b.mu.Unlock()
	if err != nil {
		b.failures++
		if b.failures >= threshold {
			b.openedAt = time.Now()
		}
		return err
	}
	b.failures, b.openedAt = 0, time.Time{}
	return nil
}

func main() {
	calls := 0
	service := func() error {
		calls++
		if calls <= 2 {
			return errors.New("service unavailable")
		}
		return nil
	}
	var b breaker
	for i := 1; i <= 6; i++ {
		if i == 5 {
			fmt.Println("cool-down")
			time.Sleep(coolDown)
		}
		if err := b.call(service); err != nil {
			fmt.Printf("call %d: %v\n", i, err)
		} else {
			fmt.Printf("call %d: ok\n", i)
		}
	}
}
