package io.chanflow.benchmarks;

import io.chanflow.Channel;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkSelectAsyncContended: two shared channels buffered(GOMAXPROCS); each worker puts one token in
 * myc1 and loops {@code select { case <-myc1: myc2 <- 0; case <-myc2: myc1 <- 0 }}. An item is one loop
 * iteration.
 */
public class SelectAsyncContended extends Bench {
    static final int ITERATIONS = 1_000_000;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        Channel<Integer> myc1 = Channel.make(PROCS);
        Channel<Integer> myc2 = Channel.make(PROCS);
        return RunParallel.workers(ITERATIONS, items, iterations -> SelectUncontended.tokenLoop(myc1, myc2, iterations));
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        com.softwaremill.jox.Channel<Integer> myc1 = com.softwaremill.jox.Channel.newBufferedChannel(PROCS);
        com.softwaremill.jox.Channel<Integer> myc2 = com.softwaremill.jox.Channel.newBufferedChannel(PROCS);
        return RunParallel.workers(ITERATIONS, items, iterations -> SelectUncontended.tokenLoop(myc1, myc2, iterations));
    }
}
