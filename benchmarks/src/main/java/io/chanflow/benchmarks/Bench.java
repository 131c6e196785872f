package io.chanflow.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Defaults shared by every benchmark of the suite (JMH reads these annotations from the superclass).
 *
 * <p>Each benchmark invocation runs one whole batch of a workload on virtual threads and adds the number of
 * items (values transferred, select operations, goroutines, ...) it performed to {@link Items}. JMH then
 * reports the primary score (ns per invocation) and the secondary score {@code :items}, which is
 * <b>ns per item</b>: the number to compare with Go's {@code ns/op}. {@code benchmarks/run.sh} overrides the
 * forks and iterations given here. The heap is fixed (4 GB, enough for W5's million parked virtual threads)
 * so heap resizing does not add noise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public abstract class Bench {
    /** Go's GOMAXPROCS on this machine: the number of workers of a {@code b.RunParallel} benchmark. */
    protected static final int PROCS = Runtime.getRuntime().availableProcessors();
}
