// Command w5mem measures W5's memory in Go: it starts n goroutines that each send one value on one
// unbuffered channel, waits until all n are about to send (blocked), measures, then receives all n. It
// prints one JSON line with the same fields as the Java side (io.chanflow.benchmarks.W5Memory):
// peak_rss_mb is the peak resident set (VmHWM) minus the resident set before the workload.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	benchmarks "chanflow.io/benchmarks/go"
)

func main() {
	n := flag.Int("n", 1_000_000, "goroutines")
	flag.Parse()

	runtime.GC()
	rssBefore := procStatusKB("VmRSS")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	inUseBefore := ms.HeapInuse + ms.StackInuse
	var started int64
	var rssBlocked, live uint64
	t0 := time.Now()
	sum := benchmarks.SpawnAndCollect(*n,
		func() { atomic.AddInt64(&started, 1) },
		func() {
			for atomic.LoadInt64(&started) < int64(*n) {
				time.Sleep(5 * time.Millisecond)
			}
			time.Sleep(200 * time.Millisecond)
			rssBlocked = procStatusKB("VmRSS")
			runtime.GC()
			runtime.ReadMemStats(&ms)
			live = ms.HeapInuse + ms.StackInuse - inUseBefore
		})
	seconds := time.Since(t0).Seconds()
	if want := int64(*n) * int64(*n-1) / 2; sum != want {
		fmt.Fprintf(os.Stderr, "checksum %d != %d\n", sum, want)
		os.Exit(1)
	}
	peak := procStatusKB("VmHWM")
	fmt.Printf("{\"impl\": \"go\", \"n\": %d, \"seconds\": %.3f, \"peak_rss_mb\": %.1f, \"rss_blocked_mb\": %.1f,"+
		" \"live_heap_mb\": %.1f, \"live_bytes_per_goroutine\": %.0f, \"go\": \"%s\"}\n",
		*n, seconds, float64(peak-rssBefore)/1024, float64(rssBlocked-rssBefore)/1024,
		float64(live)/1048576, float64(live)/float64(*n), runtime.Version())
}

// procStatusKB reads a field of /proc/self/status in kB (Linux), or 0.
func procStatusKB(field string) uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := s.Text(); strings.HasPrefix(line, field+":") {
			rest := strings.TrimSpace(strings.TrimPrefix(line, field+":"))
			v, _ := strconv.ParseUint(strings.TrimSuffix(rest, " kB"), 10, 64)
			return v
		}
	}
	return 0
}
