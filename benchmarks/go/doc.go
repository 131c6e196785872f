// Package benchmarks holds Go's side of Chanflow's benchmark suite (issue 6): the workloads W1-W5, Jox's
// shapes and Go's runtime channel benchmarks, as `go test -bench` benchmarks with the same names as the
// JMH benchmarks in ../src/main/java/io/chanflow/benchmarks. See ../../BENCHMARKS.md and ../run.sh.
//
// Batch workloads (W1-W5, Jox*) run one whole batch per b.N iteration, of the same size as the JMH
// batch, and report "ns/item"; Go's runtime benchmarks use b.N as Go's runtime tests do and report ns/op.
package benchmarks
