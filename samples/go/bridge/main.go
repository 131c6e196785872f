// Bridge-channel: a channel of channels is flattened into one channel, taking each inner channel in turn
// and draining it before the next, so the output keeps the order of both levels.
//
// Output:
// a1
// a2
// a3
// b1
// b2
// b3
// c1
// c2
// c3
package main

import "fmt"

func bridge(chans <-chan (<-chan string)) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for ch := range chans {
			for v := range ch {
				out <- v
			}
		}
	}()
	return out
}

func batches() <-chan (<-chan string) {
	chans := make(chan (<-chan string))
	go func() {
		defer close(chans)
		for _, prefix := range []string{"a", "b", "c"} {
			ch := make(chan string, 3)
			for i := 1; i <= 3; i++ {
				ch <- fmt.Sprintf("%s%d", prefix, i)
			}
			close(ch)
			chans <- ch
		}
	}()
	return chans
}

func main() {
	for v := range bridge(batches()) {
		fmt.Println(v)
	}
}
