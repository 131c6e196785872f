package io.chanflow.benchmarks;

/**
 * Go's BenchmarkChanSem: a channel buffered(GOMAXPROCS) used as a semaphore; GOMAXPROCS workers loop
 * acquire (send) and release (receive). An item is one iteration.
 */
public class ChanSem extends PipeBench {
    static final int ITERATIONS = 1_000_000;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        Pipe myc = impl.make(PROCS);
        return RunParallel.count(ITERATIONS, items, () -> {
            myc.send(0);
            return myc.receive();
        });
    }
}
