package io.chanflow.sync;

import io.chanflow.Channel;
import io.chanflow.Task;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code golang.org/x/sync/errgroup.Group}: goroutines working on subtasks of one task, where the first
 * failure wins and cancels the rest.
 *
 * <pre>{@code
 * ErrGroup g = ErrGroup.withContext(ctx);
 * for (var url : urls) g.go(() -> fetch(g.context(), url));
 * Throwable err = g.await();          // null if every task succeeded
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The first exception any task throws (checked, unchecked or an {@link Error}) is kept; later ones
 *       are dropped. With {@link #withContext}, that first failure cancels the group's context, with the
 *       exception as its {@linkplain Context#cause() cause}.</li>
 *   <li>{@link #await()} waits for every task, then cancels the group's context (as Go's {@code Wait}
 *       does) and returns the first exception, or {@code null}.</li>
 *   <li>{@link #setLimit(int)} bounds the number of running tasks: {@link #go} then waits for a free slot,
 *       {@link #tryGo} gives up instead. Changing the limit while tasks run is a misuse.</li>
 *   <li>Everything a task did happens-before {@link #await()} returns. Thread-safe.</li>
 * </ul>
 */
public final class ErrGroup {
    private static final Object TOKEN = new Object();

    private final CancelContext ctx;
    private final WaitGroup wg = new WaitGroup();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final ReentrantLock limitLock = new ReentrantLock();
    /** A buffered channel used as a counting semaphore (Go's errgroup does the same), or null: no limit. */
    private volatile Channel<Object> slots;

    private ErrGroup(CancelContext ctx) {
        this.ctx = ctx;
    }

    /** A group with no context: failures are only reported by {@link #await()}. */
    public ErrGroup() {
        this(null);
    }

    /**
     * A group whose {@link #context()} is cancelled by the first failure or when {@link #await()} returns
     * (Go's {@code errgroup.WithContext}).
     *
     * @param parent the parent context
     * @return the group
     */
    public static ErrGroup withContext(Context parent) {
        return new ErrGroup(Context.withCancel(parent));
    }

    /**
     * The group's context; tasks should watch it and stop when it is done.
     *
     * @return the context
     * @throws IllegalStateException for a group made without a context
     */
    public Context context() {
        if (ctx == null) {
            throw new IllegalStateException("errgroup made without a context");
        }
        return ctx;
    }

    /**
     * Limits the number of tasks running at once (Go's {@code SetLimit}); a negative limit removes it.
     *
     * @param n the limit
     * @throws IllegalStateException if tasks are running
     */
    public void setLimit(int n) {
        limitLock.lock();
        try {
            if (wg.count() != 0) {
                throw new IllegalStateException(
                        "errgroup: modify limit while " + wg.count() + " goroutines in the group are still active");
            }
            slots = n < 0 ? null : Channel.make(n);
        } finally {
            limitLock.unlock();
        }
    }

    /**
     * Runs {@code task} on a new goroutine, waiting for a free slot if a limit is set.
     *
     * @param task the task
     * @throws InterruptedException if interrupted while waiting for a slot (the task is not started)
     */
    public void go(Task task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        Channel<Object> s = slots;
        if (s != null) {
            s.send(TOKEN);
        }
        start(task, s);
    }

    /**
     * Runs {@code task} on a new goroutine only if a slot is free now (Go's {@code TryGo}).
     *
     * @param task the task
     * @return whether it was started
     */
    public boolean tryGo(Task task) {
        Objects.requireNonNull(task, "task");
        Channel<Object> s = slots;
        if (s != null && !s.trySend(TOKEN)) {
            return false;
        }
        start(task, s);
        return true;
    }

    private void start(Task task, Channel<Object> s) {
        try {
            wg.go(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    if (firstError.compareAndSet(null, e) && ctx != null) {
                        ctx.cancel(e);
                    }
                } finally {
                    if (s != null) {
                        s.tryReceive();
                    }
                }
            });
        } catch (Throwable e) {
            if (s != null) {
                s.tryReceive(); // the goroutine never started: give its slot back
            }
            throw e;
        }
    }

    /**
     * Waits for every task, cancels the group's context and returns the first failure (Go's {@code Wait}).
     *
     * @return the first exception a task threw, or {@code null}
     * @throws InterruptedException if interrupted while waiting (tasks keep running)
     */
    public Throwable await() throws InterruptedException {
        wg.await();
        if (ctx != null) {
            ctx.cancel();
        }
        return firstError.get();
    }
}
