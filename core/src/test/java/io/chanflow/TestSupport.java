package io.chanflow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Helpers shared by the core tests. */
final class TestSupport {
    private TestSupport() {}

    /** Waits until {@code n} waiters are queued on the channel: the goroutines are blocked in it. */
    static void awaitQueued(Channel<?> ch, int n) {
        Chan<?> c = (Chan<?>) ch;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> c.queuedWaiters() == n);
    }

    /** Waits until a thread is parked (blocked with nothing queued to show for it, e.g. on the nil channel). */
    static void awaitParked(Thread t) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
    }

    static int queued(Channel<?> ch) {
        return ((Chan<?>) ch).queuedWaiters();
    }

    /** Joins a goroutine, failing the test if it does not end in time. */
    static void join(Thread t) throws InterruptedException {
        if (!t.join(Duration.ofSeconds(20))) {
            throw new AssertionError(t + " did not finish; stack: " + java.util.Arrays.toString(t.getStackTrace()));
        }
    }

    /** A goroutine that records what its task threw, for assertions. */
    static final class Outcome {
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final Thread thread;

        Outcome(Task task) {
            thread = Go.go(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
        }

        Throwable join() throws InterruptedException {
            TestSupport.join(thread);
            return thrown.get();
        }
    }
}
