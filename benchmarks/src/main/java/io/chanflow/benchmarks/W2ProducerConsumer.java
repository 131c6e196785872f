package io.chanflow.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * W2: one producer sends 0..n-1 on a buffered channel and closes it; one consumer ranges over it and checks
 * the sum. An item is one value. Issue 6: 10M ints per batch, capacity 16 and 1024.
 */
public class W2ProducerConsumer extends PipeBench {
    static final int VALUES = 10_000_000;

    @Param({"16", "1024"})
    public int capacity;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        Pipe ch = impl.make(capacity);
        int n = Size.of(VALUES);
        long[] sum = new long[1];
        new Group()
                .start(() -> {
                    for (int i = 0; i < n; i++) {
                        ch.send(i);
                    }
                    ch.close();
                })
                .start(() -> sum[0] = ch.rangeSum())
                .join();
        Check.sum(sum[0], (long) n * (n - 1) / 2);
        items.items += n;
        return sum[0];
    }
}
