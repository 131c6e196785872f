package io.chanflow.benchmarks;

import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SelectCase;

/**
 * Not a JMH benchmark: a side check for BENCHMARKS.md. What a select costs next to the plain receive it
 * chooses, in one thread with nothing else running (no partner to wake, no cache line moving between
 * cores): four buffered channels, a value sent and then taken by, per round, a plain {@code receive}, a
 * one-case select, a 4-case select with one live case and three nil ones, a 4-case select of which one case
 * is ready, and four 4-case selects after a value was sent on each channel. Prints ns per value per round
 * (the send included); the first rounds are warm-up:
 * {@code java -cp benchmarks/target/benchmarks.jar io.chanflow.benchmarks.SelectCost}
 */
public final class SelectCost {
    private SelectCost() {}

    private static int sink;

    public static void main(String[] args) throws Exception {
        int n = 4_000_000;
        Channel<Integer> c0 = Channel.make(128);
        Channel<Integer> c1 = Channel.make(128);
        Channel<Integer> c2 = Channel.make(128);
        Channel<Integer> c3 = Channel.make(128);
        ReceiveChannel<Integer> nil = Channel.nil();
        SelectCase<Integer> k0 = c0.onReceive(v -> v);
        SelectCase<Integer> k1 = c1.onReceive(v -> v);
        SelectCase<Integer> k2 = c2.onReceive(v -> v);
        SelectCase<Integer> k3 = c3.onReceive(v -> v);
        SelectCase<Integer> kNil = nil.onReceive(v -> v);
        Integer v = 5;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c0.send(v);
                sink += c0.receive();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c0.send(v);
                sink += select(k0);
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c0.send(v);
                sink += select(k0, kNil, kNil, kNil);
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c0.send(v);
                sink += select(k0, k1, k2, k3);
            }
            long t4 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c0.send(v);
                c1.send(v);
                c2.send(v);
                c3.send(v);
                sink += select(k0, k1, k2, k3) + select(k0, k1, k2, k3) + select(k0, k1, k2, k3)
                        + select(k0, k1, k2, k3);
            }
            long t5 = System.nanoTime();
            System.out.printf("round %d: receive %.1f, select of 1 %.1f, of 1 + 3 nil %.1f, of 4 with 1 ready %.1f,"
                    + " of 4 all ready %.1f ns per value%n", round, (t1 - t0) / (double) n, (t2 - t1) / (double) n,
                    (t3 - t2) / (double) n, (t4 - t3) / (double) n, (t5 - t4) / (4.0 * n));
        }
    }
}
