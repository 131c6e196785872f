package io.chanflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's built-ins and {@code time} helpers, for a static import: {@code import static io.chanflow.Go.*;}.
 *
 * <h2>select</h2>
 * {@link #select} is Go's {@code select}: it completes exactly one ready case, chosen uniformly at random
 * among the ready ones, runs its body and returns what the body returns (expression form). Bodies that return
 * nothing give the statement form. A for-select loop that ends on a done channel:
 * <pre>{@code
 * for (boolean running = true; running; ) {
 *     running = select(
 *         jobs.onReceive(job -> { out.send(work(job)); return true; }),
 *         ctx.done().onDone(() -> false),
 *         after(Duration.ofSeconds(1), () -> { log("idle"); return true; }));
 * }
 * }</pre>
 * The statement form:
 * <pre>{@code
 * select(
 *     jobs.onReceiveDo(job -> handle(job)),
 *     results.onSend(res, () -> log("sent")),
 *     otherwise(() -> log("nothing ready")));       // Go's default
 * }</pre>
 *
 * <h2>Goroutines</h2>
 * {@link #go} starts a virtual thread. A task's uncaught exception goes to the handler set with
 * {@link #setUncaughtExceptionHandler}; by default it is printed to {@code System.err}, never swallowed.
 */
public final class Go {
    private Go() {}

    private static final AtomicLong GOROUTINE_IDS = new AtomicLong();
    private static volatile Thread.UncaughtExceptionHandler handler = Go::report;

    // ---------------------------------------------------------------------------------------------
    // Goroutines
    // ---------------------------------------------------------------------------------------------

    /**
     * Starts {@code task} on a new virtual thread: Go's {@code go f()}. An exception the task throws goes to
     * the {@linkplain #setUncaughtExceptionHandler goroutine exception handler}.
     *
     * @param task what to run
     * @return the started thread (Go gives no handle; Java code may want to join or name it)
     */
    public static Thread go(Task task) {
        Objects.requireNonNull(task, "task");
        long id = GOROUTINE_IDS.incrementAndGet();
        Goroutines.Info info = Goroutines.created(id);
        Thread t = Thread.ofVirtual().name("goroutine-" + id).unstarted(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                handler.uncaughtException(Thread.currentThread(), e);
            } finally {
                Goroutines.ended(Thread.currentThread());
            }
        });
        Goroutines.register(t, info); // before start, so a snapshot never misses a goroutine
        try {
            t.start();
        } catch (Throwable e) {
            Goroutines.ended(t);
            throw e;
        }
        return t;
    }

    /**
     * Sets what happens to an exception a goroutine's task throws.
     *
     * @param h the new handler, not null
     * @return the previous handler
     */
    public static Thread.UncaughtExceptionHandler setUncaughtExceptionHandler(Thread.UncaughtExceptionHandler h) {
        Objects.requireNonNull(h, "handler");
        Thread.UncaughtExceptionHandler old = handler;
        handler = h;
        return old;
    }

    private static void report(Thread t, Throwable e) {
        System.err.println("chanflow: uncaught exception in " + t.getName() + ":");
        e.printStackTrace();
    }

    // ---------------------------------------------------------------------------------------------
    // select
    // ---------------------------------------------------------------------------------------------

    /**
     * Go's {@code select}. Every case's channel and value are fixed when its case is made. If one or more
     * cases can proceed, one of them is chosen uniformly at random and completed; otherwise the
     * {@linkplain #otherwise default} case runs if there is one; otherwise the select blocks until a case can
     * proceed or the earliest {@linkplain #after(Duration, Action) timeout} passes. Exactly one case completes,
     * and nothing of the select is left on the other channels.
     *
     * <p>A receive case on a closed channel is ready: {@code onReceiveOk} reports {@code ok == false}, a plain
     * {@code onReceive} fails with {@link ChannelClosedException}. A send case on a closed channel is ready and
     * fails with {@link ChannelClosedException} when chosen. Cases on the nil channel are never ready; with no
     * case at all (or only nil ones) and no default, the select blocks until interrupted.
     *
     * <p><b>Interruption:</b> if the thread is interrupted on entry (and there is no default case) or while it
     * waits, the select throws {@link InterruptedException} with no case completed. If a case completed first,
     * its body runs and the interrupt status stays set.
     *
     * @param cases the cases; at most one default case
     * @param <R> the result type
     * @return what the chosen case's body returns ({@code null} for statement bodies)
     * @throws InterruptedException if interrupted before any case completed, or by a case body
     * @throws IllegalArgumentException if there is more than one default case
     */
    @SafeVarargs
    public static <R> R select(SelectCase<? extends R>... cases) throws InterruptedException {
        return Select.select(cases);
    }

    /**
     * {@link #select(SelectCase[])} over a list of cases, for selects whose number of cases is known only at
     * run time (Go's {@code reflect.Select}).
     *
     * @param cases the cases; at most one default case
     * @param <R> the result type
     * @return what the chosen case's body returns
     * @throws InterruptedException if interrupted before any case completed, or by a case body
     */
    public static <R> R select(java.util.List<? extends SelectCase<? extends R>> cases) throws InterruptedException {
        @SuppressWarnings("unchecked")
        SelectCase<? extends R>[] array = cases.toArray(new SelectCase[0]);
        return Select.select(array);
    }

    /**
     * Go's {@code default:} case: taken when no other case is ready.
     *
     * @param body what to do
     * @param <R> the result type
     * @return the case
     */
    public static <R> SelectCase<R> otherwise(Action<? extends R> body) {
        return SelectCase.otherwise(body);
    }

    /**
     * Statement form of {@link #otherwise(Action)}.
     *
     * @param body what to do
     * @return the case
     */
    public static SelectCase<Void> otherwise(Body body) {
        return SelectCase.otherwise(SelectCase.statement(body));
    }

    /**
     * A timeout case: Go's {@code case <-time.After(d):}, ready once {@code d} has passed since the select
     * started. It needs no timer: the select's own wait is bounded. Zero or negative: ready at once.
     *
     * @param d the timeout
     * @param body what to do when it passes
     * @param <R> the result type
     * @return the case
     */
    public static <R> SelectCase<R> after(Duration d, Action<? extends R> body) {
        return SelectCase.timeout(nanos(d), body);
    }

    /**
     * Statement form of {@link #after(Duration, Action)}.
     *
     * @param d the timeout
     * @param body what to do when it passes
     * @return the case
     */
    public static SelectCase<Void> after(Duration d, Body body) {
        return SelectCase.timeout(nanos(d), SelectCase.statement(body));
    }

    /** A duration in nanoseconds, saturated to +-73 years so that nanoTime() + it cannot overflow. */
    static long nanos(Duration d) {
        Objects.requireNonNull(d, "duration");
        long cap = Long.MAX_VALUE / 4;
        try {
            return Math.max(-cap, Math.min(cap, d.toNanos()));
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? -cap : cap;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // time
    // ---------------------------------------------------------------------------------------------

    /**
     * Go's {@code time.After(d)}: a channel that receives the time once, after {@code d}. The timer behind
     * it stays scheduled until it fires; in a loop with a long {@code d}, prefer the select case
     * {@link #after(Duration, Action)}, which needs no timer.
     *
     * @param d the delay
     * @return the receive side of a new timer's channel
     */
    public static ReceiveChannel<Instant> after(Duration d) {
        return newTimer(d).c();
    }

    /**
     * Go's {@code time.NewTimer(d)}.
     *
     * @param d the delay
     * @return a started timer
     */
    public static Timer newTimer(Duration d) {
        Objects.requireNonNull(d, "duration");
        return new Timer(d, null);
    }

    /**
     * Go's {@code time.AfterFunc(d, f)}: runs {@code f} on its own goroutine once {@code d} has passed,
     * unless the returned timer is stopped first.
     *
     * @param d the delay
     * @param f what to run
     * @return the timer; {@link Timer#stop()} cancels the call if it has not started
     */
    public static Timer afterFunc(Duration d, Task f) {
        Objects.requireNonNull(d, "duration");
        Objects.requireNonNull(f, "f");
        return new Timer(d, f);
    }

    /**
     * Go's {@code time.NewTicker(d)} (and {@code time.Tick}): ticks every {@code period}, dropping ticks a
     * slow receiver has no room for.
     *
     * @param period the period, positive
     * @return a started ticker; stop it when done
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    public static Ticker tick(Duration period) {
        return new Ticker(period);
    }
}
