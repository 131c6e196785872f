package io.chanflow.goport;

import io.chanflow.ChannelInterruptedException;
import io.chanflow.Go;
import io.chanflow.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test scaffolding for the Go ports: starts goroutines with {@link Go#go}, records whatever they throw (a Go
 * test's {@code t.Error} from a goroutine, or a panic), and on {@link #close()} interrupts the ones still
 * blocked, so tests whose Go original leaks goroutines (sieves, power series) do not leak virtual threads
 * into the rest of the suite.
 *
 * <p>Use one instance per test in a try-with-resources block; {@code close()} fails the test with the first
 * exception a goroutine threw (the others are attached as suppressed).
 */
final class GoTestGoroutines implements AutoCloseable {
    /**
     * How long a test waits for something that should happen promptly before it calls it a hang; longer
     * with Go's full iteration counts ({@link GoScale}).
     */
    static final Duration PATIENCE = GoScale.FULL ? Duration.ofMinutes(10) : Duration.ofSeconds(20);

    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    /** Go's {@code go f()}: starts the task on a virtual thread and records anything it throws. */
    Thread go(Task task) {
        Thread t = Go.go(() -> {
            try {
                task.run();
            } catch (InterruptedException | ChannelInterruptedException e) {
                if (!closing) {
                    failures.add(e);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        threads.add(t);
        if (closing) {
            t.interrupt(); // started by a goroutine that close() is already tearing down
        }
        return t;
    }

    /** Joins one goroutine, failing if it does not finish within {@link #PATIENCE}. */
    static void join(Thread t) throws InterruptedException {
        if (!t.join(PATIENCE)) {
            throw new AssertionError(t + " did not finish in " + PATIENCE + "; it is at "
                    + stack(t));
        }
    }

    /** Joins every goroutine started so far, then fails with what any of them threw. */
    void joinAll() throws InterruptedException {
        for (Thread t : threads) {
            join(t);
        }
        rethrowFailures();
    }

    /** Fails the test with the first recorded goroutine failure, if any. */
    void rethrowFailures() {
        List<Throwable> all = new ArrayList<>(failures);
        if (all.isEmpty()) {
            return;
        }
        AssertionError e = new AssertionError("a goroutine failed: " + all.get(0), all.get(0));
        for (int i = 1; i < all.size(); i++) {
            e.addSuppressed(all.get(i));
        }
        throw e;
    }

    /**
     * Waits until {@code t} is parked (blocked in a channel operation) or has ended. Tests use it where the
     * Go original sleeps "to let the goroutine block": they then check that the goroutine did not get
     * through. A thread that ended instead is reported by the caller's own assertion.
     */
    static void awaitBlocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(t + " never blocked; state " + s + " at " + stack(t));
            }
            Thread.sleep(0, 100_000); // polling a thread's state, not synchronising with it
        }
    }

    private static String stack(Thread t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n\tat ").append(e);
        }
        return sb.toString();
    }

    /**
     * Interrupts every goroutine still running, waits for them to end, and reports failures. GoTestGoroutines
     * started while this runs (by goroutines being torn down) are interrupted too: interruption is repeated
     * until none is left alive.
     */
    @Override
    public void close() {
        closing = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean interrupted = false;
        while (true) {
            List<Thread> alive = new ArrayList<>();
            for (Thread t : threads) {
                if (t.isAlive()) {
                    t.interrupt();
                    alive.add(t);
                }
            }
            if (alive.isEmpty()) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                for (Thread t : alive) {
                    failures.add(new AssertionError(t + " ignored interruption; it is at " + stack(t)));
                }
                break;
            }
            for (Thread t : alive) {
                try {
                    t.join(Duration.ofMillis(20));
                } catch (InterruptedException e) {
                    interrupted = true; // the test itself timed out; keep cleaning up, then say so
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrowFailures();
    }
}
