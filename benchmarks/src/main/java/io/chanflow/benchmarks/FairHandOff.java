package io.chanflow.benchmarks;

import io.chanflow.Channel;
import java.util.concurrent.SynchronousQueue;

/**
 * Not a JMH benchmark: a quick side check for BENCHMARKS.md ("Why the remaining targets are not met").
 * One virtual thread hands 200,000 values to another through the queue named by the argument, batches of
 * five, six rounds (the first is warm-up); prints ns per value per round. Run each kind in a fresh JVM so
 * the queue calls stay monomorphic:
 * {@code java -cp benchmarks/target/benchmarks.jar io.chanflow.benchmarks.FairHandOff sq-fair}
 * with {@code sq-unfair} (the JDK's default, LIFO), {@code sq-fair} (FIFO) or {@code chanflow} (unbuffered).
 */
public final class FairHandOff {
    private FairHandOff() {}

    private interface HandOff {
        void put(Integer x) throws InterruptedException;

        Integer take() throws InterruptedException;
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "chanflow";
        HandOff h = switch (kind) {
            case "sq-unfair", "sq-fair" -> {
                SynchronousQueue<Integer> q = new SynchronousQueue<>(kind.equals("sq-fair"));
                yield new HandOff() {
                    @Override public void put(Integer x) throws InterruptedException { q.put(x); }
                    @Override public Integer take() throws InterruptedException { return q.take(); }
                };
            }
            case "chanflow" -> {
                Channel<Integer> c = Channel.make();
                yield new HandOff() {
                    @Override public void put(Integer x) throws InterruptedException { c.send(x); }
                    @Override public Integer take() throws InterruptedException { return c.receive(); }
                };
            }
            default -> throw new IllegalArgumentException("kind: sq-unfair, sq-fair or chanflow");
        };
        int n = 200_000;
        for (int round = 0; round < 6; round++) {
            long total = 0;
            for (int k = 0; k < 5; k++) {
                total += pair(h, n);
            }
            System.out.printf("%s round %d: %d ns per value%n", kind, round, total / 5 / n);
        }
    }

    private static long pair(HandOff h, int n) throws InterruptedException {
        long[] sum = new long[1];
        long t0 = System.nanoTime();
        Thread sender = Thread.startVirtualThread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    h.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread receiver = Thread.startVirtualThread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    sum[0] += h.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.join();
        receiver.join();
        if (sum[0] != (long) n * (n - 1) / 2) {
            throw new AssertionError("lost or duplicated values");
        }
        return System.nanoTime() - t0;
    }
}
