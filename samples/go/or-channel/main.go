// Or-channel: combine any number of done channels into one that closes as soon as any of them closes,
// by recursion: each goroutine waits on up to three channels plus the or of the rest. Here the signals
// close after an hour, a minute and 10ms; the or-channel closes after 10ms, and only that signal is closed.
//
// Output:
// signal 0: open
// signal 1: open
// signal 2: closed
package main

import (
	"fmt"
	"time"
)

func or(channels ...<-chan struct{}) <-chan struct{} {
	switch len(channels) {
	case 0:
		return nil
	case 1:
		return channels[0]
	}
	orDone := make(chan struct{})
	go func() {
		defer close(orDone)
		switch len(channels) {
		case 2:
			select {
			case <-channels[0]:
			case <-channels[1]:
			}
		default:
			select {
			case <-channels[0]:
			case <-channels[1]:
			case <-channels[2]:
			case <-or(append(channels[3:], orDone)...):
			}
		}
	}()
	return orDone
}

func signal(after time.Duration) <-chan struct{} {
	c := make(chan struct{})
	time.AfterFunc(after, func() { close(c) })
	return c
}

func main() {
	signals := []<-chan struct{}{signal(time.Hour), signal(time.Minute), signal(10 * time.Millisecond)}
	<-or(signals...)
	for i, s := range signals {
		select {
		case <-s:
			fmt.Printf("signal %d: closed\n", i)
		default:
			fmt.Printf("signal %d: open\n", i)
		}
	}
}
