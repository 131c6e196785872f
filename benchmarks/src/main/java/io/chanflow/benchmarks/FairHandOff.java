package io.chanflow.benchmarks;

import io.chanflow.Channel;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Not a JMH benchmark: a quick side check for BENCHMARKS.md ("Why the remaining targets are not met").
 * One virtual thread hands 200,000 values to another through the queue named by the argument, batches of
 * five, six rounds (the first is warm-up); prints ns per value per round. Run each kind in a fresh JVM so
 * the queue calls stay monomorphic:
 * {@code java -cp benchmarks/target/benchmarks.jar io.chanflow.benchmarks.FairHandOff sq-fair}
 * with {@code sq-unfair} (the JDK's default, LIFO), {@code sq-fair} (FIFO), {@code chanflow} (unbuffered) or
 * {@code park-slot}: no queue at all, one slot and a bare {@code LockSupport.park}/{@code unpark} for each
 * wait, with no spin: what a hand-off costs when the waiting side parks, and so the floor under every
 * hand-off that parks, whatever library runs it.
 */
public final class FairHandOff {
    private FairHandOff() {}

    private interface HandOff {
        void put(Integer x) throws InterruptedException;

        Integer take() throws InterruptedException;

        /** Parks so far, where the kind counts them. */
        default long parks() {
            return 0;
        }
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
            case "park-slot" -> new ParkSlot();
            default -> throw new IllegalArgumentException("kind: sq-unfair, sq-fair, chanflow or park-slot");
        };
        int n = 200_000;
        for (int round = 0; round < 6; round++) {
            long total = 0;
            long parks = h.parks();
            for (int k = 0; k < 5; k++) {
                total += pair(h, n);
            }
            parks = h.parks() - parks;
            System.out.printf("%s round %d: %d ns per value%s%n", kind, round, total / 5 / n,
                    kind.equals("park-slot") ? String.format(" (%.2f parks per value)", parks / (5.0 * n)) : "");
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

    /**
     * One slot between one putter and one taker; each side that must wait publishes itself, checks again and
     * parks (no spin), and each side unparks the other after its move. Volatile accesses only: the
     * publish-then-recheck on one side and the move-then-read on the other cannot both miss each other.
     */
    private static final class ParkSlot implements HandOff {
        private volatile Integer item;
        private volatile Thread taker;
        private volatile Thread putter;
        /** Parks of the putter and of the taker, each written by its own thread only. */
        private long putterParks;
        private long takerParks;

        @Override
        public long parks() {
            return putterParks + takerParks;
        }

        @Override
        public void put(Integer x) {
            while (item != null) {
                putter = Thread.currentThread();
                if (item != null) {
                    putterParks++;
                    LockSupport.park(this);
                }
                putter = null;
            }
            item = x;
            Thread t = taker;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }

        @Override
        public Integer take() {
            Integer x;
            while ((x = item) == null) {
                taker = Thread.currentThread();
                if (item == null) {
                    takerParks++;
                    LockSupport.park(this);
                }
                taker = null;
            }
            item = null;
            Thread p = putter;
            if (p != null) {
                LockSupport.unpark(p);
            }
            return x;
        }
    }
}
