package benchmarks

import (
	"flag"
	"math"
	"testing"
	"time"
)

// scale shrinks every batch, like -Dchanflow.bench.scale on the Java side (run.sh --smoke uses 0.01).
var scale = flag.Float64("scale", 1, "batch size factor")

// size is full scaled, at least 1.
func size(full int) int {
	return int(math.Max(1, math.Round(float64(full)**scale)))
}

// sizeMultiple is full scaled and rounded down to a multiple of m, at least m.
func sizeMultiple(full, m int) int {
	n := size(full) / m * m
	if n < m {
		return m
	}
	return n
}

// batch runs one batch per b.N iteration; run returns the number of items it performed. It reports
// ns/item, the figure to compare with JMH's ":items" score.
func batch(b *testing.B, run func() int) {
	items := 0
	start := time.Now()
	for i := 0; i < b.N; i++ {
		items += run()
	}
	elapsed := time.Since(start)
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(items), "ns/item")
}

func check(b *testing.B, got, want int64) {
	if got != want {
		b.Fatalf("checksum %d != expected %d", got, want)
	}
}
