// Errgroup with first-error cancel: three tasks run in a group; c fails at once, which cancels the
// group's context, so a (which would take an hour) stops early. Wait returns the first error. Each task
// records its outcome in its own slot, printed in task order after Wait.
//
// Output:
// first error: c: not found
// a: context canceled
// b: ok
// c: not found
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"chanflow.io/samples/internal/errgroup" // golang.org/x/sync/errgroup
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	results := make([]string, 3)
	g.Go(func() error {
		select {
		case <-time.After(time.Hour):
			results[0] = "a: ok"
			return nil
		case <-ctx.Done():
			results[0] = "a: " + ctx.Err().Error()
			return ctx.Err()
		}
	})
	g.Go(func() error {
		results[1] = "b: ok"
		return nil
	})
	g.Go(func() error {
		err := errors.New("c: not found")
		results[2] = err.Error()
		return err
	})
	err := g.Wait()
	fmt.Println("first error:", err)
	for _, r := range results {
		fmt.Println(r)
	}
}
