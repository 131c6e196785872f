// Package semaphore is a stand-in for golang.org/x/sync/semaphore with the same API (the part the
// samples use), so that the samples need only the standard library and build offline. Swap the import
// for the real package and nothing else changes.
package semaphore

import (
	"container/list"
	"context"
	"sync"
)

type waiter struct {
	n     int64
	ready chan struct{} // closed when the semaphore is acquired
}

// Weighted is a weighted semaphore; waiters are served first come, first served.
type Weighted struct {
	size    int64
	cur     int64
	mu      sync.Mutex
	waiters list.List
}

// NewWeighted creates a weighted semaphore with the given maximum combined weight.
func NewWeighted(n int64) *Weighted {
	return &Weighted{size: n}
}

// Acquire acquires the semaphore with a weight of n, blocking until resources are available or ctx is
// done. On failure it returns ctx.Err() and leaves the semaphore unchanged.
func (s *Weighted) Acquire(ctx context.Context, n int64) error {
	s.mu.Lock()
	if s.size-s.cur >= n && s.waiters.Len() == 0 {
		s.cur += n
		s.mu.Unlock()
		return nil
	}
	ready := make(chan struct{})
	elem := s.waiters.PushBack(waiter{n: n, ready: ready})
	s.mu.Unlock()

	select {
	case <-ready:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		defer s.mu.Unlock()
		select {
		case <-ready: // acquired just as ctx was done: keep it, as if ctx were done a bit later
			return nil
		default:
			isFront := s.waiters.Front() == elem
			s.waiters.Remove(elem)
			if isFront && s.size > s.cur {
				s.notifyWaiters()
			}
			return ctx.Err()
		}
	}
}

// Release releases the semaphore with a weight of n.
func (s *Weighted) Release(n int64) {
	s.mu.Lock()
	s.cur -= n
	if s.cur < 0 {
		s.mu.Unlock()
		panic("semaphore: released more than held")
	}
	s.notifyWaiters()
	s.mu.Unlock()
}

func (s *Weighted) notifyWaiters() {
	for {
		next := s.waiters.Front()
		if next == nil {
			break
		}
		w := next.Value.(waiter)
		if s.size-s.cur < w.n {
			break // first come, first served: do not let smaller waiters overtake
		}
		s.cur += w.n
		s.waiters.Remove(next)
		close(w.ready)
	}
}
