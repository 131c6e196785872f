package io.chanflow.sync;

import static io.chanflow.Go.select;

import io.chanflow.DoneChannel;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A weighted semaphore: Go's {@code golang.org/x/sync/semaphore.Weighted}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Holds up to {@link #size()} units. {@link #acquire} takes {@code n} units, waiting while they are
 *       not available; {@link #release} gives them back.</li>
 *   <li>First come, first served: a waiter is not overtaken by a later, smaller request, even if that one
 *       would fit (so large requests do not starve).</li>
 *   <li>Asking for more than {@link #size()} fails at once with {@link IllegalArgumentException} (it could
 *       never succeed); releasing more than is held throws {@link IllegalStateException}.</li>
 *   <li>Cancellation and interruption: an acquire that gives up (context done, interrupt) holds nothing
 *       afterwards, even if the units were granted while it was giving up: they are put back.</li>
 *   <li>A release happens-before the acquire it lets through returns. Thread-safe; no pinning.</li>
 * </ul>
 */
public final class Semaphore {
    private final long size;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock: units held. */
    private long cur;
    /** Guarded by lock: FIFO of waiters not yet granted. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    private record Waiter(long n, DoneChannel ready) {}

    /**
     * A semaphore of {@code size} units.
     *
     * @param size the number of units, positive
     */
    public Semaphore(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("semaphore size must be positive: " + size);
        }
        this.size = size;
    }

    /**
     * The number of units.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * Acquires {@code n} units, waiting until they are available or the context is done.
     *
     * @param ctx the context
     * @param n the units, from 0 to {@link #size()}
     * @throws ContextDoneException if the context is done first (nothing held)
     * @throws InterruptedException if interrupted first (nothing held)
     */
    public void acquire(Context ctx, long n) throws InterruptedException {
        check(n);
        if (Thread.interrupted()) {
            throw new InterruptedException(); // like every blocking call: no effect when interrupted on entry
        }
        Waiter w = enqueueOrTake(n);
        if (w == null) {
            return;
        }
        boolean granted;
        try {
            granted = select(w.ready.onDone(() -> true), ctx.done().onDone(() -> false));
        } catch (InterruptedException e) {
            abandon(w);
            throw e;
        }
        if (!granted) {
            abandon(w);
            ctx.throwIfDone();
        }
    }

    /**
     * Acquires {@code n} units, waiting until they are available.
     *
     * @param n the units, from 0 to {@link #size()}
     * @throws InterruptedException if interrupted first (nothing held)
     */
    public void acquire(long n) throws InterruptedException {
        acquire(Context.background(), n);
    }

    /**
     * Acquires {@code n} units if they are available now and nobody waits.
     *
     * @param n the units
     * @return whether they were acquired
     */
    public boolean tryAcquire(long n) {
        check(n);
        lock.lock();
        try {
            if (size - cur >= n && waiters.isEmpty()) {
                cur += n;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases {@code n} units, letting waiters through in order.
     *
     * @param n the units
     * @throws IllegalStateException if more are released than held
     */
    public void release(long n) {
        lock.lock();
        try {
            if (n < 0 || cur - n < 0) {
                throw new IllegalStateException("semaphore: released more than held");
            }
            cur -= n;
            grantWaiters();
        } finally {
            lock.unlock();
        }
    }

    private void check(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative semaphore request: " + n);
        }
        if (n > size) {
            throw new IllegalArgumentException("semaphore request " + n + " exceeds size " + size);
        }
    }

    /** Takes the units now (returns null) or queues a waiter. */
    private Waiter enqueueOrTake(long n) {
        check(n);
        lock.lock();
        try {
            if (size - cur >= n && waiters.isEmpty()) {
                cur += n;
                return null;
            }
            Waiter w = new Waiter(n, DoneChannel.make());
            waiters.add(w);
            return w;
        } finally {
            lock.unlock();
        }
    }

    /** Gives up a wait: withdraws the waiter, or returns units granted in the meantime. */
    private void abandon(Waiter w) {
        lock.lock();
        try {
            if (w.ready.isDone()) {
                cur -= w.n; // granted while we were giving up: put the units back
            } else {
                boolean wasFirst = waiters.peekFirst() == w;
                waiters.remove(w);
                if (!wasFirst) {
                    return;
                }
            }
            grantWaiters(); // the head changed or units came back: later waiters may fit now
        } finally {
            lock.unlock();
        }
    }

    /** Call holding the lock: grants waiters from the head while they fit. */
    private void grantWaiters() {
        for (Waiter w; (w = waiters.peekFirst()) != null; ) {
            if (size - cur < w.n) {
                return;
            }
            cur += w.n;
            waiters.pollFirst();
            w.ready.close();
        }
    }
}
