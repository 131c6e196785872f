package io.chanflow.benchmarks;

/**
 * Go's {@code b.RunParallel(func(pb) { for pb.Next() { body } })} on virtual threads: GOMAXPROCS workers
 * (the number of cores) share the iterations of one batch. Go's ns/op for such a benchmark is wall time
 * divided by the iterations of all workers together; so is ours (the batch's time per item).
 */
final class RunParallel {
    private RunParallel() {}

    /** One iteration of the loop body; its result is summed, so the JIT cannot drop the work. */
    interface Body {
        int run() throws Exception;
    }

    /** Per-worker state for a body that needs its own channels (Go: locals of the RunParallel closure). */
    interface WorkerBody {
        /** Runs {@code iterations} iterations; returns a checksum. */
        long run(long iterations) throws Exception;
    }

    /** Runs {@code full} (scaled) iterations of {@code body} split over the workers; adds them to items. */
    static long count(int full, Items items, Body body) throws InterruptedException {
        return workers(full, items, iterations -> {
            long s = 0;
            for (long i = 0; i < iterations; i++) {
                s += body.run();
            }
            return s;
        });
    }

    /** Runs {@code full} (scaled) iterations split over the workers, each running {@code body} once. */
    static long workers(int full, Items items, WorkerBody body) throws InterruptedException {
        int n = Size.of(full);
        long[] sums = new long[Bench.PROCS];
        Group g = new Group();
        for (int w = 0; w < Bench.PROCS; w++) {
            int index = w;
            long share = n / Bench.PROCS + (w < n % Bench.PROCS ? 1 : 0);
            g.start(() -> sums[index] = body.run(share));
        }
        g.join();
        items.items += n;
        long s = 0;
        for (long x : sums) {
            s += x;
        }
        return s;
    }
}
