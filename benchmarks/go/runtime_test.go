package benchmarks

// Go's runtime channel benchmarks (runtime/chan_test.go), written again here by their definitions so they
// run from this module with the same names as the JMH side. They use b.N as the originals do and report
// ns/op: per loop iteration for RunParallel benchmarks (all workers together), per value for the
// producer/consumer ones, per round for ChanPopular.

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func BenchmarkChanNonblocking(b *testing.B) {
	myc := make(chan int)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			select {
			case <-myc:
			default:
			}
		}
	})
}

// tokenLoop puts a token in myc1 and moves it back and forth with a two-case select.
func tokenLoop(pb *testing.PB, myc1, myc2 chan int) {
	myc1 <- 0
	for pb.Next() {
		select {
		case <-myc1:
			myc2 <- 0
		case <-myc2:
			myc1 <- 0
		}
	}
}

func BenchmarkSelectUncontended(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		tokenLoop(pb, make(chan int, 1), make(chan int, 1))
	})
}

func BenchmarkSelectSyncContended(b *testing.B) {
	myc1 := make(chan int)
	myc2 := make(chan int)
	myc3 := make(chan int)
	done := make(chan int)
	b.RunParallel(func(pb *testing.PB) {
		go func() {
			for {
				select {
				case myc1 <- 0:
				case myc2 <- 0:
				case myc3 <- 0:
				case <-done:
					return
				}
			}
		}()
		for pb.Next() {
			select {
			case <-myc1:
			case <-myc2:
			case <-myc3:
			}
		}
	})
	close(done)
}

func BenchmarkSelectAsyncContended(b *testing.B) {
	procs := runtime.GOMAXPROCS(0)
	myc1 := make(chan int, procs)
	myc2 := make(chan int, procs)
	b.RunParallel(func(pb *testing.PB) {
		tokenLoop(pb, myc1, myc2)
	})
}

func BenchmarkSelectNonblock(b *testing.B) {
	myc1 := make(chan int)
	myc2 := make(chan int)
	myc3 := make(chan int, 1)
	myc4 := make(chan int, 1)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			select {
			case <-myc1:
			default:
			}
			select {
			case myc2 <- 0:
			default:
			}
			select {
			case <-myc3:
			default:
			}
			select {
			case myc4 <- 0:
			default:
			}
		}
	})
}

const fillDrainC = 100

func fillDrain(pb *testing.PB, myc chan int) {
	for pb.Next() {
		for i := 0; i < fillDrainC; i++ {
			myc <- 0
		}
		for i := 0; i < fillDrainC; i++ {
			<-myc
		}
	}
}

func BenchmarkChanUncontended(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		fillDrain(pb, make(chan int, fillDrainC))
	})
}

func BenchmarkChanContended(b *testing.B) {
	myc := make(chan int, fillDrainC*runtime.GOMAXPROCS(0))
	b.RunParallel(func(pb *testing.PB) {
		fillDrain(pb, myc)
	})
}

func BenchmarkChanSync(b *testing.B) {
	const callsPerSched = 1000
	procs := 2
	n := int32(b.N / callsPerSched / procs * procs)
	c := make(chan bool, procs)
	myc := make(chan int)
	for p := 0; p < procs; p++ {
		go func() {
			for {
				i := atomic.AddInt32(&n, -1)
				if i < 0 {
					break
				}
				for g := 0; g < callsPerSched; g++ {
					if i%2 == 0 {
						<-myc
						myc <- 0
					} else {
						myc <- 0
						<-myc
					}
				}
			}
			c <- true
		}()
	}
	for p := 0; p < procs; p++ {
		<-c
	}
}

// localWork is the originals' `for i := 0; i < work; i++ { foo *= 2; foo /= 2 }`.
func localWork(foo, work int) int {
	for i := 0; i < work; i++ {
		foo *= 2
		foo /= 2
	}
	return foo
}

func benchmarkChanProdCons(b *testing.B, chanSize, work int) {
	const callsPerSched = 1000
	procs := runtime.GOMAXPROCS(-1)
	n := int32(b.N / callsPerSched)
	c := make(chan bool, 2*procs)
	myc := make(chan int, chanSize)
	for p := 0; p < procs; p++ {
		go func() {
			foo := 0
			for atomic.AddInt32(&n, -1) >= 0 {
				for g := 0; g < callsPerSched; g++ {
					foo = localWork(foo, work)
					myc <- 1
				}
			}
			myc <- 0
			c <- foo == 42
		}()
		go func() {
			foo := 0
			for {
				v := <-myc
				if v == 0 {
					break
				}
				foo = localWork(foo, work)
			}
			c <- foo == 42
		}()
	}
	for p := 0; p < procs; p++ {
		<-c
		<-c
	}
}

func BenchmarkChanProdCons0(b *testing.B)       { benchmarkChanProdCons(b, 0, 0) }
func BenchmarkChanProdCons10(b *testing.B)      { benchmarkChanProdCons(b, 10, 0) }
func BenchmarkChanProdCons100(b *testing.B)     { benchmarkChanProdCons(b, 100, 0) }
func BenchmarkChanProdConsWork0(b *testing.B)   { benchmarkChanProdCons(b, 0, 100) }
func BenchmarkChanProdConsWork10(b *testing.B)  { benchmarkChanProdCons(b, 10, 100) }
func BenchmarkChanProdConsWork100(b *testing.B) { benchmarkChanProdCons(b, 100, 100) }

func BenchmarkSelectProdCons(b *testing.B) {
	const callsPerSched = 1000
	procs := runtime.GOMAXPROCS(-1)
	n := int32(b.N / callsPerSched)
	c := make(chan bool, 2*procs)
	myc := make(chan int, 128)
	myclose := make(chan bool)
	for p := 0; p < procs; p++ {
		go func() {
			foo := 0
			mytimer := time.After(time.Hour) // never fires during the benchmark
			for atomic.AddInt32(&n, -1) >= 0 {
				for g := 0; g < callsPerSched; g++ {
					foo = localWork(foo, 100)
					select {
					case myc <- 1:
					case <-mytimer:
					case <-myclose:
					}
				}
			}
			myc <- 0
			c <- foo == 42
		}()
		go func() {
			foo := 0
			mytimer := time.After(time.Hour)
		loop:
			for {
				select {
				case v := <-myc:
					if v == 0 {
						break loop
					}
				case <-mytimer:
				case <-myclose:
				}
				foo = localWork(foo, 100)
			}
			c <- foo == 42
		}()
	}
	for p := 0; p < procs; p++ {
		<-c
		<-c
	}
}

func BenchmarkChanCreation(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			myc := make(chan int, 1)
			myc <- 0
			<-myc
		}
	})
}

func BenchmarkChanSem(b *testing.B) {
	type empty struct{}
	myc := make(chan empty, runtime.GOMAXPROCS(0))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			myc <- empty{}
			<-myc
		}
	})
}

func BenchmarkChanPopular(b *testing.B) {
	const n = 1000
	c := make(chan bool)
	var a []chan bool
	var wg sync.WaitGroup
	wg.Add(n)
	for j := 0; j < n; j++ {
		d := make(chan bool)
		a = append(a, d)
		go func() {
			for i := 0; i < b.N; i++ {
				select {
				case <-c:
				case <-d:
				}
			}
			wg.Done()
		}()
	}
	for i := 0; i < b.N; i++ {
		for _, d := range a {
			d <- true
		}
	}
	wg.Wait()
}

func BenchmarkChanClosed(b *testing.B) {
	c := make(chan struct{})
	close(c)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			select {
			case <-c:
			default:
				b.Error("unreachable")
			}
		}
	})
}
