package io.chanflow.benchmarks;

/**
 * Go's BenchmarkChanCreation: GOMAXPROCS workers loop: make a buffered(1) channel, send one value, receive
 * it. An item is one iteration.
 */
public class ChanCreation extends PipeBench {
    static final int ITERATIONS = 1_000_000;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        return RunParallel.count(ITERATIONS, items, () -> {
            Pipe myc = impl.make(1);
            myc.send(0);
            return myc.receive();
        });
    }
}
