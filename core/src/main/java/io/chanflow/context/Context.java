package io.chanflow.context;

import static io.chanflow.Go.after;
import static io.chanflow.Go.select;

import io.chanflow.Done;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.SendChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Go's {@code context.Context}: a cancellation signal, a deadline and request-scoped values, passed down a
 * call tree and to the goroutines it starts.
 *
 * <pre>{@code
 * try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(2))) {  // defer cancel()
 *     go(() -> worker(ctx));
 *     String r = select(results.onReceive(v -> v), ctx.done().onDone(() -> "gave up: " + ctx.err()));
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #done()} is closed when the context is cancelled, its deadline passes or its parent is done;
 *       it is never closed for {@link #background()}. It is usable as a select case
 *       ({@code ctx.done().onDone(...)}).</li>
 *   <li>{@link #err()} is {@code null} until done, then {@link ContextError#CANCELED} or
 *       {@link ContextError#DEADLINE_EXCEEDED}, and never changes again. {@link #cause()} is the cause given
 *       to {@link CancelContext#cancel(Throwable)}, else an exception describing {@code err()}.</li>
 *   <li>Cancelling a context cancels every descendant, including ones created after it was cancelled (they
 *       start cancelled). Cancelling a child never affects its parent. A cancelled child is detached from its
 *       parent at once, so a long-lived parent with millions of short-lived children holds none of them.</li>
 *   <li>Contexts are immutable apart from becoming done, and safe to share between any number of threads.
 *       Cancelling happens-before {@code err()} returning non-null and before a receive on {@code done()}
 *       returning.</li>
 * </ul>
 */
public interface Context {

    /**
     * The channel that is closed when this context is done.
     *
     * @return the done channel (never closed for {@code background()})
     */
    Done done();

    /**
     * Why this context is done.
     *
     * @return {@code null} while not done; then {@code CANCELED} or {@code DEADLINE_EXCEEDED}
     */
    ContextError err();

    /**
     * Go's {@code context.Cause(ctx)}.
     *
     * @return {@code null} while not done; then the cancel cause, or a {@link ContextDoneException} for
     *     {@link #err()} if none was given
     */
    Throwable cause();

    /**
     * The time this context is cancelled at, if any (the earliest along the parent chain).
     *
     * @return the deadline, or empty
     */
    Optional<Instant> deadline();

    /**
     * The value bound to {@code key} here or in the nearest ancestor.
     *
     * @param key the key
     * @param <T> the value type
     * @return the value, or {@code null} if none is bound
     */
    <T> T value(Key<T> key);

    // ---------------------------------------------------------------------------------------------
    // Context-aware blocking operations
    // ---------------------------------------------------------------------------------------------

    /**
     * Throws if this context is done.
     *
     * @throws ContextDoneException if done
     */
    default void throwIfDone() {
        ContextError e = err();
        if (e != null) {
            throw new ContextDoneException(e, userCause(this));
        }
    }

    /**
     * Sends unless this context is done first: Go's
     * {@code select { case ch <- v: case <-ctx.Done(): return ctx.Err() }}. Either the value was sent or
     * the exception is thrown, never both.
     *
     * @param ch the channel
     * @param value the value
     * @param <E> the element type
     * @throws ContextDoneException if the context is done before the value is sent
     * @throws InterruptedException if interrupted before the value is sent
     */
    default <E> void send(SendChannel<E> ch, E value) throws InterruptedException {
        boolean sent = select(ch.onSend(value, () -> true), done().onDone(() -> false));
        if (!sent) {
            throwIfDone();
        }
    }

    /**
     * Receives unless this context is done first.
     *
     * @param ch the channel
     * @param <E> the element type
     * @return the value
     * @throws ContextDoneException if the context is done before a value is received
     * @throws io.chanflow.ChannelClosedException if the channel is closed and drained
     * @throws InterruptedException if interrupted first
     */
    default <E> E receive(ReceiveChannel<E> ch) throws InterruptedException {
        Received<E> r = receiveOk(ch);
        if (!r.ok()) {
            return ch.receive(); // closed and drained: throws ChannelClosedException with the cause
        }
        return r.value();
    }

    /**
     * Comma-ok receive unless this context is done first.
     *
     * @param ch the channel
     * @param <E> the element type
     * @return the result
     * @throws ContextDoneException if the context is done before anything is received
     * @throws InterruptedException if interrupted first
     */
    default <E> Received<E> receiveOk(ReceiveChannel<E> ch) throws InterruptedException {
        Received<E> r = select(ch.onReceiveOk(x -> x), done().onDone(() -> null));
        if (r == null) {
            throwIfDone();
        }
        return r;
    }

    /**
     * Sleeps for {@code d} unless this context is done first.
     *
     * @param d how long
     * @throws ContextDoneException if the context is done first
     * @throws InterruptedException if interrupted first
     */
    default void sleep(Duration d) throws InterruptedException {
        boolean slept = select(after(d, () -> true), done().onDone(() -> false));
        if (!slept) {
            throwIfDone();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Factories
    // ---------------------------------------------------------------------------------------------

    /**
     * The root context: never cancelled, no deadline, no values (Go's {@code context.Background()}).
     *
     * @return the background context
     */
    static Context background() {
        return Contexts.BACKGROUND;
    }

    /**
     * A placeholder root context for code not yet given one (Go's {@code context.TODO()}).
     *
     * @return a context that behaves like {@link #background()}
     */
    static Context todo() {
        return Contexts.TODO;
    }

    /**
     * A child context with its own cancel (Go's {@code context.WithCancel}). Close it (try-with-resources)
     * or {@linkplain CancelContext#cancel() cancel} it when the work it covers is over.
     *
     * @param parent the parent
     * @return the child
     */
    static CancelContext withCancel(Context parent) {
        return Contexts.cancelContext(parent, null);
    }

    /**
     * Go's {@code context.WithCancelCause}: like {@link #withCancel}; pass the cause to
     * {@link CancelContext#cancel(Throwable)} and read it back with {@link #cause()}.
     *
     * @param parent the parent
     * @return the child
     */
    static CancelContext withCancelCause(Context parent) {
        return withCancel(parent);
    }

    /**
     * A child that is cancelled with {@link ContextError#DEADLINE_EXCEEDED} at {@code deadline} (Go's
     * {@code context.WithDeadline}); a parent deadline that is earlier stays in force.
     *
     * @param parent the parent
     * @param deadline when to cancel
     * @return the child
     */
    static CancelContext withDeadline(Context parent, Instant deadline) {
        return Contexts.cancelContext(parent, Objects.requireNonNull(deadline, "deadline"));
    }

    /**
     * {@code withDeadline(parent, now + timeout)} (Go's {@code context.WithTimeout}).
     *
     * @param parent the parent
     * @param timeout how long from now
     * @return the child
     */
    static CancelContext withTimeout(Context parent, Duration timeout) {
        return withDeadline(parent, Instant.now().plus(timeout));
    }

    /**
     * A child that carries {@code value} under {@code key} (Go's {@code context.WithValue}); it is done when
     * the parent is.
     *
     * @param parent the parent
     * @param key the key
     * @param value the value, not null
     * @param <T> the value type
     * @return the child
     */
    static <T> Context withValue(Context parent, Key<T> key, T value) {
        return new Contexts.ValueContext(parent, key, value);
    }

    /**
     * A child that keeps the parent's values but is never cancelled (Go's {@code context.WithoutCancel}).
     *
     * @param parent the parent
     * @return the child
     */
    static Context withoutCancel(Context parent) {
        return new Contexts.WithoutCancel(parent);
    }

    /**
     * A new key for {@link #withValue}. Keys compare by identity, so a private static key cannot collide
     * with another package's (Go's unexported key type idiom).
     *
     * @param name a name for debugging
     * @param <T> the value type
     * @return the key
     */
    static <T> Key<T> key(String name) {
        return new Key<>(name);
    }

    /** The cause given to cancel, or null when the context was cancelled without one. */
    private static Throwable userCause(Context ctx) {
        Throwable c = ctx.cause();
        return c instanceof ContextDoneException ? null : c;
    }

    /**
     * A typed key for context values, compared by identity.
     *
     * @param <T> the value type
     */
    final class Key<T> {
        private final String name;

        private Key(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Key[" + name + "]";
        }
    }
}
