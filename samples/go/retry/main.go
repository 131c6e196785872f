// Retry with exponential backoff: the operation fails twice, then succeeds. Between attempts the retrier
// waits 1ms, then 2ms (doubling), and gives up early if its context is done.
//
// Output:
// attempt 1: connection refused; retrying in 1ms
// attempt 2: connection refused; retrying in 2ms
// attempt 3: ok
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func retry(ctx context.Context, attempts int, delay time.Duration, op func() error) error {
	for i := 1; ; i++ {
		err := op()
		if err == nil {
			fmt.Printf("attempt %d: ok\n", i)
			return nil
		}
		if i == attempts {
			return err
		}
		fmt.Printf("attempt %d: %v; retrying in %v\n", i, err, delay)
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return ctx.Err()
		}
		delay *= 2
	}
}

func main() {
	calls := 0
	op := func() error {
		calls++
		if calls < 3 {
			return errors.New("connection refused")
		}
		return nil
	}
	if err := retry(context.Background(), 5, time.Millisecond, op); err != nil {
		fmt.Println("gave up:", err)
	}
}
