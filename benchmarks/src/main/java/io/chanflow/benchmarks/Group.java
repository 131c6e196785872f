package io.chanflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The virtual threads of one benchmark invocation. A failure in any of them interrupts the others and is
 * rethrown by {@link #join()}, so a broken workload fails fast instead of leaving its partners blocked.
 */
final class Group {
    /** A worker body; may block and throw. */
    interface Body {
        void run() throws Exception;
    }

    /** A worker body that knows its index among {@code n} workers. */
    interface Worker {
        void run(int index) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private volatile Throwable failure;

    /** Starts {@code body} on a new virtual thread of this group. */
    Group start(Body body) {
        threads.add(Thread.startVirtualThread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            }
        }));
        return this;
    }

    /** Starts {@code n} workers, passing each its index. */
    Group start(int n, Worker worker) {
        for (int i = 0; i < n; i++) {
            int index = i;
            start(() -> worker.run(index));
        }
        return this;
    }

    /** Waits for every thread of the group; rethrows the first failure. */
    void join() throws InterruptedException {
        for (Thread t : threads) {
            while (!t.join(Duration.ofMillis(200))) {
                checkFailure();
            }
        }
        checkFailure();
    }

    private void checkFailure() {
        Throwable f = failure;
        if (f != null) {
            for (Thread t : threads) {
                t.interrupt();
            }
            throw new IllegalStateException("benchmark worker failed", f);
        }
    }

    /**
     * Runs {@code body} on a virtual thread and returns its result: a workload's "main goroutine" must not
     * run on JMH's platform thread, whose parking costs an OS call.
     */
    static long onVirtualThread(Callable<Long> body) throws InterruptedException {
        long[] result = new long[1];
        new Group().start(() -> result[0] = body.call()).join();
        return result[0];
    }
}
