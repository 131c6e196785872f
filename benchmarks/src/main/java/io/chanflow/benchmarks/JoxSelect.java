package io.chanflow.benchmarks;

import static io.chanflow.Go.select;

import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Jox's SelectBenchmark "iterative" shapes: with 1 clause, one sender sends 1M values on an unbuffered
 * channel and the receiver takes each with a one-case select; with 2 clauses, two senders send 500k each on
 * their own unbuffered channel and the receiver runs 1M two-case selects. An item is one select.
 */
public class JoxSelect extends Bench {
    static final int SELECTS = 1_000_000;

    @Param({"1", "2"})
    public int clauses;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        int n = Size.of(SELECTS, 2);
        Channel<Integer> ch1 = Channel.make();
        Channel<Integer> ch2 = Channel.make();
        long[] sum = new long[1];
        Group g = senders(Pipe.wrap(ch1), Pipe.wrap(ch2), n);
        if (clauses == 1) {
            g.start(() -> {
                for (int i = 0; i < n; i++) {
                    sum[0] += select(ch2.onReceive(v -> v));
                }
            });
        } else {
            g.start(() -> {
                for (int i = 0; i < n; i++) {
                    sum[0] += select(ch1.onReceive(v -> v), ch2.onReceive(v -> v));
                }
            });
        }
        g.join();
        items.items += n;
        return sum[0];
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        int n = Size.of(SELECTS, 2);
        com.softwaremill.jox.Channel<Integer> ch1 = com.softwaremill.jox.Channel.newRendezvousChannel();
        com.softwaremill.jox.Channel<Integer> ch2 = com.softwaremill.jox.Channel.newRendezvousChannel();
        long[] sum = new long[1];
        Group g = senders(Pipe.wrap(ch1), Pipe.wrap(ch2), n);
        if (clauses == 1) {
            g.start(() -> {
                for (int i = 0; i < n; i++) {
                    sum[0] += Select.select(ch2.receiveClause());
                }
            });
        } else {
            g.start(() -> {
                for (int i = 0; i < n; i++) {
                    sum[0] += Select.select(ch1.receiveClause(), ch2.receiveClause());
                }
            });
        }
        g.join();
        items.items += n;
        return sum[0];
    }

    /** 1 clause: one sender of n values on ch2; 2 clauses: n/2 values on each channel. */
    private Group senders(Pipe ch1, Pipe ch2, int n) {
        Group g = new Group();
        if (clauses == 1) {
            g.start(() -> sendAll(ch2, n));
        } else {
            g.start(() -> sendAll(ch1, n / 2));
            g.start(() -> sendAll(ch2, n / 2));
        }
        return g;
    }

    private static void sendAll(Pipe ch, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            ch.send(63);
        }
    }
}
