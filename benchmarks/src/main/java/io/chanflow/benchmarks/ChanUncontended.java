package io.chanflow.benchmarks;

/**
 * Go's BenchmarkChanUncontended: each of GOMAXPROCS workers owns a buffered(100) channel and per iteration
 * sends 100 values into it, then receives 100. An item is one iteration (200 operations), as in Go's ns/op.
 */
public class ChanUncontended extends PipeBench {
    static final int ITERATIONS = 20_000;
    static final int C = 100;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        return RunParallel.workers(ITERATIONS, items, iterations -> fillDrain(impl.make(C), iterations));
    }

    /** {@code iterations} times: C sends, then C receives. */
    static long fillDrain(Pipe myc, long iterations) throws InterruptedException {
        long s = 0;
        for (long i = 0; i < iterations; i++) {
            for (int k = 0; k < C; k++) {
                myc.send(0);
            }
            for (int k = 0; k < C; k++) {
                s += myc.receive();
            }
        }
        return s;
    }
}
