package io.chanflow.benchmarks;

/**
 * Go's BenchmarkChanContended: one shared channel buffered(100*GOMAXPROCS); each worker per iteration sends
 * 100 values, then receives 100. An item is one iteration (200 operations), as in Go's ns/op.
 */
public class ChanContended extends PipeBench {
    static final int ITERATIONS = 20_000;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        Pipe myc = impl.make(ChanUncontended.C * PROCS);
        return RunParallel.workers(ITERATIONS, items, iterations -> ChanUncontended.fillDrain(myc, iterations));
    }
}
