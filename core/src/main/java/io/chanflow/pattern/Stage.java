package io.chanflow.pattern;

import io.chanflow.ChannelClosedException;
import io.chanflow.Go;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.SendChannel;
import io.chanflow.Task;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.sync.ErrGroup;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The goroutines of one pattern instance and the rules every pattern shares: what ends them, and how their
 * outputs are closed. Every public helper of this package is a few lines over this class.
 *
 * <h2>Overview</h2>
 * A stage is an {@link ErrGroup} under the caller's context plus one <em>closer</em> goroutine:
 * <pre>
 *   group = ErrGroup.withContext(ctx)         // first failure cancels group.context(), siblings stop
 *   group.go(worker) ...                        // workers receive with receive(), send with send()
 *   go { err = group.await(); close(outputs, cause(err)) }   // the closer: outputs close last
 * </pre>
 * So an output is closed only after every goroutine that could send on it has returned, and it is closed
 * exactly once, by the closer. The cause it is closed with is, in this order of precedence:
 * <ol>
 *   <li>the first exception a goroutine of the stage threw (a failing user function, or a
 *       {@link ContextDoneException} when the caller's context is done);</li>
 *   <li>else the cause an input channel was closed with ({@link #receive} records it: the stage finishes the
 *       values it already holds, then passes the cause on);</li>
 *   <li>else none: a normal close, which by this package's rule means every value was delivered.</li>
 * </ol>
 * {@link UpstreamFailure} is the fail-fast form of (2): a goroutine that throws it stops its siblings, and
 * the closer unwraps it so the input's own cause travels, not a wrapper.
 */
final class Stage {
    private final ErrGroup group;
    private final Context ctx;
    /** The first cause an input was seen closed with; used only when no goroutine failed. */
    private final AtomicReference<Throwable> upstreamCause = new AtomicReference<>();

    private Stage(Context parent) {
        Objects.requireNonNull(parent, "ctx");
        this.group = ErrGroup.withContext(parent);
        this.ctx = group.context();
    }

    /** A new stage under {@code parent}. */
    static Stage in(Context parent) {
        return new Stage(parent);
    }

    /** The stage's context: done when the caller's is, or when a goroutine of the stage failed. */
    Context context() {
        return ctx;
    }

    /** Starts a goroutine of the stage. Never blocks: the group has no limit. */
    Stage go(Task task) {
        group.tryGo(task);
        return this;
    }

    /**
     * Starts the closer: once every goroutine of the stage has returned, closes {@code outputs} with the
     * stage's cause (see the overview), or normally.
     */
    void closeWhenDone(SendChannel<?>... outputs) {
        SendChannel<?>[] outs = outputs.clone();
        whenDone(cause -> {
            for (SendChannel<?> out : outs) {
                close(out, cause);
            }
        });
    }

    /** Starts the closer with a custom action, given the stage's cause or {@code null}. */
    void whenDone(Consumer<Throwable> onDone) {
        Go.go(() -> {
            Throwable failure;
            try {
                failure = group.await();
            } catch (InterruptedException e) {
                failure = e; // someone tore the closer down: still close, so no consumer hangs
            }
            onDone.accept(failure != null ? unwrap(failure) : upstreamCause.get());
        });
    }

    /**
     * Receives the next value for the stage. Returns {@code null} once {@code in} is closed and drained; if it
     * was closed with a cause, records the cause, which the outputs are closed with once the stage has
     * finished the values it holds.
     *
     * @throws ContextDoneException if the stage's context is done first (also if a value is ready then)
     */
    <T> T receive(ReceiveChannel<T> in) throws InterruptedException {
        ctx.throwIfDone(); // once cancelled, take nothing more even if a value is ready
        return received(ctx.receiveOk(in), in);
    }

    /**
     * What {@link #receive} makes of a comma-ok result {@code r} that the caller got from {@code in} itself
     * (in a select of its own): the value, or {@code null} with the close cause recorded.
     */
    <T> T received(Received<T> r, ReceiveChannel<T> in) {
        if (r.ok()) {
            return r.value();
        }
        Throwable cause = closeCause(in);
        if (cause != null) {
            upstreamCause.compareAndSet(null, cause);
        }
        return null;
    }

    /**
     * Like {@link #receive}, but an input closed with a cause fails the stage at once (its siblings stop and
     * drop what they hold), for patterns where one failed input ends the whole output.
     */
    <T> T receiveOrFail(ReceiveChannel<T> in) throws InterruptedException {
        ctx.throwIfDone();
        Received<T> r = ctx.receiveOk(in);
        if (r.ok()) {
            return r.value();
        }
        Throwable cause = closeCause(in);
        if (cause != null) {
            throw new UpstreamFailure(cause);
        }
        return null;
    }

    /** Sends unless the stage's context is done first ({@link ContextDoneException}), even if a receiver waits. */
    <T> void send(SendChannel<T> out, T value) throws InterruptedException {
        ctx.throwIfDone(); // once cancelled, send nothing more even if a receiver is waiting
        ctx.send(out, value);
    }

    // ---------------------------------------------------------------------------------------------
    // Shared helpers
    // ---------------------------------------------------------------------------------------------

    /** The cause a closed, drained channel was closed with, or {@code null}. Call only once it reported closed. */
    static Throwable closeCause(ReceiveChannel<?> closed) {
        try {
            closed.tryReceive();
        } catch (ChannelClosedException e) {
            return e.getCause();
        }
        throw new IllegalStateException("channel reported closed, but is not: " + closed);
    }

    /** Closes {@code out} with {@code cause}, or normally if it is {@code null}. */
    static void close(SendChannel<?> out, Throwable cause) {
        if (cause == null) {
            out.close();
        } else {
            out.close(cause);
        }
    }

    /** The exception a context-aware operation would throw now: {@code ctx} must be done. */
    static ContextDoneException doneException(Context ctx) {
        try {
            ctx.throwIfDone();
        } catch (ContextDoneException e) {
            return e;
        }
        throw new IllegalStateException("context is not done: " + ctx);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof UpstreamFailure u ? u.getCause() : t;
    }

    /** Carries an input's close cause out of a goroutine that fails fast on it; never escapes the package. */
    static final class UpstreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UpstreamFailure(Throwable cause) {
            super(null, cause, false, false);
        }
    }
}
