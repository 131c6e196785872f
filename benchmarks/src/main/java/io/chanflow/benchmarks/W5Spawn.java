package io.chanflow.benchmarks;

import static io.chanflow.Go.go;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * W5: start n goroutines that each send one value on one unbuffered channel, then receive all n values.
 * With the receiver starting only after every goroutine was started, nearly all n are blocked at once; an
 * item is one goroutine. Issue 6: 1M goroutines. Peak memory is measured separately, by {@link W5Memory} in
 * fresh JVMs (JMH measures time only).
 */
public class W5Spawn extends Bench {
    static final int GOROUTINES = 1_000_000;

    /** Goroutines started with Chanflow's {@code go(...)}, as a Chanflow user writes them. */
    @Benchmark
    public long chanflow(Items items) throws Exception {
        return run(Pipe.chanflow(0), true, items);
    }

    /** Chanflow's channel with plain {@code Thread.startVirtualThread}: isolates the cost of {@code go}. */
    @Benchmark
    public long chanflowPlainThreads(Items items) throws Exception {
        return run(Pipe.chanflow(0), false, items);
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        return run(Pipe.jox(0), false, items);
    }

    @Benchmark
    public long jdkSynchronousQueue(Items items) throws Exception {
        return run(Pipe.jdkQueue(0), false, items);
    }

    static long run(Pipe ch, boolean useGo, Items items) throws Exception {
        int n = Size.of(GOROUTINES);
        long sum = Group.onVirtualThread(() -> spawnAndCollect(ch, n, useGo, null));
        Check.sum(sum, (long) n * (n - 1) / 2);
        items.items += n;
        return sum;
    }

    /**
     * Starts n senders (each sends its index), then receives n values; returns their sum. {@code allBlocked}
     * (may be null) runs between the two phases.
     */
    static long spawnAndCollect(Pipe ch, int n, boolean useGo, Runnable allStarted) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            Integer v = i;
            if (useGo) {
                go(() -> ch.send(v));
            } else {
                Thread.startVirtualThread(() -> {
                    try {
                        ch.send(v);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
        if (allStarted != null) {
            allStarted.run();
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += ch.receive();
        }
        return sum;
    }
}
