package io.chanflow.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * Jox's RendezvousBenchmark (capacity 0) and BufferedBenchmark "iterative" (capacity 16 and 100): one
 * virtual thread sends 1M values, another receives them. An item is one send-receive pair. JDK:
 * SynchronousQueue for capacity 0, ArrayBlockingQueue otherwise.
 */
public class JoxPair extends PipeBench {
    static final int VALUES = 1_000_000;

    @Param({"0", "16", "100"})
    public int capacity;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        Pipe ch = impl.make(capacity);
        int n = Size.of(VALUES);
        long[] sum = new long[1];
        new Group()
                .start(() -> {
                    for (int i = 0; i < n; i++) {
                        ch.send(63);
                    }
                })
                .start(() -> {
                    long s = 0;
                    for (int i = 0; i < n; i++) {
                        s += ch.receive();
                    }
                    sum[0] = s;
                })
                .join();
        items.items += n;
        return sum[0];
    }
}
