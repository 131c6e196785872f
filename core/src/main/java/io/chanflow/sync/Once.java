package io.chanflow.sync;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Go's {@code sync.Once}: runs a function exactly once, however many threads ask.
 *
 * <h2>Contract</h2>
 * The first {@link #run} runs its function; concurrent callers wait until it has returned; later calls
 * return at once. If the function throws, it still counts as run (as in Go) and the exception goes to the
 * first caller only. The function's effects happen-before every {@code run} returns. Waiting uses a
 * {@link ReentrantLock}, never {@code synchronized}, so virtual threads are not pinned. Calling {@code run}
 * from inside the function deadlocks in Go; here it returns at once (the lock is reentrant), without running
 * the function again.
 */
public final class Once {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean done;

    /** A {@code Once} that has not run anything yet. */
    public Once() {}

    /**
     * Runs {@code f} if no call of this {@code Once} has run a function yet (Go's {@code once.Do(f)}).
     *
     * @param f the function
     */
    public void run(Runnable f) {
        Objects.requireNonNull(f, "f");
        if (done || lock.isHeldByCurrentThread()) {
            return; // done, or called from inside the function itself: never run a second function
        }
        lock.lock();
        try {
            if (!done) {
                try {
                    f.run();
                } finally {
                    done = true;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Go's {@code sync.OnceValue}: a supplier that calls {@code f} once and then returns its result for
     * ever. If {@code f} throws, every call throws the same exception.
     *
     * @param f the function
     * @param <T> the value type
     * @return the memoising supplier
     */
    public static <T> Supplier<T> value(Supplier<T> f) {
        Objects.requireNonNull(f, "f");
        Once once = new Once();
        Object[] result = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        Error[] error = new Error[1];
        return () -> {
            once.run(() -> {
                try {
                    result[0] = f.get();
                } catch (RuntimeException e) {
                    failure[0] = e;
                } catch (Error e) {
                    error[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            if (error[0] != null) {
                throw error[0];
            }
            @SuppressWarnings("unchecked")
            T t = (T) result[0];
            return t;
        };
    }
}
