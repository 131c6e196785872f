package io.chanflow.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * W1: unbuffered ping-pong. Two virtual threads bounce a value over two unbuffered channels (ping, pong);
 * an item is one round trip (two hand-offs). Issue 6: 1M round trips per batch.
 */
public class W1PingPong extends PipeBench {
    static final int ROUND_TRIPS = 1_000_000;

    /** {@code transfer} waits until a consumer took the value: a rendezvous like an unbuffered channel. */
    @Benchmark
    public long jdkLinkedTransferQueue(Items items) throws Exception {
        return run(Pipe::jdkTransferQueue, items);
    }

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        int n = Size.of(ROUND_TRIPS);
        Pipe ping = impl.make(0);
        Pipe pong = impl.make(0);
        long[] sum = new long[1];
        new Group()
                .start(() -> {
                    for (int i = 0; i < n; i++) {
                        pong.send(ping.receive() + 1);
                    }
                })
                .start(() -> {
                    for (int i = 0; i < n; i++) {
                        ping.send(i);
                        sum[0] += pong.receive();
                    }
                })
                .join();
        items.items += n;
        return sum[0];
    }
}
