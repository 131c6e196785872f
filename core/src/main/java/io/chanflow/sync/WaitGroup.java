package io.chanflow.sync;

import static io.chanflow.Go.select;

import io.chanflow.DoneChannel;
import io.chanflow.Go;
import io.chanflow.Task;
import io.chanflow.context.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code sync.WaitGroup}: waits for a collection of goroutines to finish.
 *
 * <pre>{@code
 * WaitGroup wg = new WaitGroup();
 * for (var url : urls) wg.go(() -> fetch(url));   // Go 1.25's wg.Go; or wg.add(1) ... finally wg.done()
 * wg.await();
 * }</pre>
 *
 * <h2>Contract</h2>
 * The counter starts at zero. {@link #add} changes it; when it reaches zero every waiter is released. A
 * negative counter is a misuse and throws {@link IllegalStateException} ("sync: negative WaitGroup
 * counter"), leaving the counter unchanged. The group may be reused once the counter is back at zero.
 * Everything a goroutine did before its {@link #done()} happens-before {@link #await()} returns.
 * Thread-safe; waiting parks (no {@code synchronized}, no pinning).
 *
 * <p>Implementation: each period during which the counter is above zero has its own {@link DoneChannel},
 * closed when the counter returns to zero, so waiting is an ordinary channel wait and composes with a
 * context in a select.
 */
public final class WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private long count;
    /** Guarded by lock: closed exactly when count == 0 (a closed one is kept for an idle group). */
    private DoneChannel zero = closedDone();

    /** A group with a zero counter. */
    public WaitGroup() {}

    private static DoneChannel closedDone() {
        DoneChannel d = DoneChannel.make();
        d.close();
        return d;
    }

    /**
     * Adds {@code delta} (which may be negative) to the counter.
     *
     * @param delta the change
     * @throws IllegalStateException if the counter would become negative
     */
    public void add(int delta) {
        DoneChannel toClose = null;
        lock.lock();
        try {
            long next = count + delta;
            if (next < 0) {
                throw new IllegalStateException("sync: negative WaitGroup counter");
            }
            if (count == 0 && next > 0) {
                zero = DoneChannel.make();
            } else if (count > 0 && next == 0) {
                toClose = zero;
            }
            count = next;
        } finally {
            lock.unlock();
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    /** Decrements the counter by one: Go's {@code wg.Done()}. */
    public void done() {
        add(-1);
    }

    /**
     * Runs {@code task} on a new goroutine, counted in this group (Go 1.25's {@code wg.Go}). The count drops
     * when the task ends, normally or not; an exception goes to the goroutine exception handler.
     *
     * @param task the task
     * @return the goroutine's thread
     */
    public Thread go(Task task) {
        Objects.requireNonNull(task, "task");
        add(1);
        try {
            return Go.go(() -> {
                try {
                    task.run();
                } finally {
                    done();
                }
            });
        } catch (Throwable e) {
            done(); // the goroutine never started
            throw e;
        }
    }

    /**
     * Blocks until the counter is zero: Go's {@code wg.Wait()}.
     *
     * @throws InterruptedException if interrupted first
     */
    public void await() throws InterruptedException {
        current().await();
    }

    /**
     * Blocks until the counter is zero or the time runs out.
     *
     * @param timeout how long to wait at most
     * @return whether the counter reached zero
     * @throws InterruptedException if interrupted first
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return current().await(timeout);
    }

    /**
     * Blocks until the counter is zero or the context is done.
     *
     * @param ctx the context
     * @throws io.chanflow.context.ContextDoneException if the context is done first
     * @throws InterruptedException if interrupted first
     */
    public void await(Context ctx) throws InterruptedException {
        boolean zeroed = select(current().onDone(() -> true), ctx.done().onDone(() -> false));
        if (!zeroed) {
            ctx.throwIfDone();
        }
    }

    /**
     * The counter now (a snapshot, for diagnostics).
     *
     * @return the counter
     */
    public long count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    private DoneChannel current() {
        lock.lock();
        try {
            return zero;
        } finally {
            lock.unlock();
        }
    }
}
