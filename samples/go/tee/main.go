// Tee: every value from one channel goes to two output channels, like the Unix tee. For each value the
// tee goroutine offers it to both outputs in a select and disables (sets to nil) the one that took it,
// so the two readers go at the pace of the slower one.
//
// Output:
// out1: 1, out2: 1
// out1: 2, out2: 2
// out1: 3, out2: 3
// out1: 4, out2: 4
package main

import "fmt"

func tee(in <-chan int) (<-chan int, <-chan int) {
	out1, out2 := make(chan int), make(chan int)
	go func() {
		defer close(out1)
		defer close(out2)
		for v := range in {
			o1, o2 := out1, out2
			for i := 0; i < 2; i++ {
				select {
				case o1 <- v:
					o1 = nil // sent: disable this case
				case o2 <- v:
					o2 = nil
				}
			}
		}
	}()
	return out1, out2
}

func main() {
	in := make(chan int)
	go func() {
		for i := 1; i <= 4; i++ {
			in <- i
		}
		close(in)
	}()
	out1, out2 := tee(in)
	for v1 := range out1 {
		fmt.Printf("out1: %d, out2: %d\n", v1, <-out2)
	}
}
