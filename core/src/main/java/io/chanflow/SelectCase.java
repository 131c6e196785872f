package io.chanflow;

import java.util.Objects;

/**
 * One case of a {@link Go#select select}: a receive, a comma-ok receive, a send, a timeout or the
 * {@code default} case, with the body to run when it is chosen.
 *
 * <p>Cases are made by the channels ({@link ReceiveChannel#onReceive}, {@link SendChannel#onSend},
 * {@link Done#onDone}) and by {@link Go#after(java.time.Duration, Action)} and
 * {@link Go#otherwise(Action)}. A case is a plain immutable value: its channel and its send value are fixed
 * when it is made (Go fixes them when the select starts, which for a case made in the select's argument list
 * is the same moment). A case on the nil channel is never ready, which is how a Go program disables a case by
 * setting a variable to nil.
 *
 * @param <R> what the case body returns, and so what the select returns when this case is chosen
 */
public final class SelectCase<R> {
    enum Kind { RECEIVE, RECEIVE_OK, SEND, TIMEOUT, DEFAULT }

    final Kind kind;
    /** The channel, or null for a nil-channel case (never ready) and for TIMEOUT and DEFAULT. */
    final Chan<?> chan;
    /** The value a SEND case sends. */
    final Object value;
    /** The timeout of a TIMEOUT case, in nanoseconds. */
    final long nanos;
    /** Handler for RECEIVE and RECEIVE_OK, Action for SEND, TIMEOUT and DEFAULT. */
    private final Object body;

    private SelectCase(Kind kind, Chan<?> chan, Object value, long nanos, Object body) {
        this.kind = kind;
        this.chan = chan;
        this.value = value;
        this.nanos = nanos;
        this.body = Objects.requireNonNull(body, "case body");
    }

    static <E, R> SelectCase<R> receive(Chan<E> chan, Handler<? super E, ? extends R> body) {
        return new SelectCase<>(Kind.RECEIVE, chan, null, 0, body);
    }

    static <E, R> SelectCase<R> receiveOk(Chan<E> chan, Handler<? super Received<E>, ? extends R> body) {
        return new SelectCase<>(Kind.RECEIVE_OK, chan, null, 0, body);
    }

    static <E, R> SelectCase<R> send(Chan<E> chan, E value, Action<? extends R> body) {
        Objects.requireNonNull(value, "channel elements must not be null");
        return new SelectCase<>(Kind.SEND, chan, value, 0, body);
    }

    static <R> SelectCase<R> timeout(long nanos, Action<? extends R> body) {
        return new SelectCase<>(Kind.TIMEOUT, null, null, nanos, body);
    }

    static <R> SelectCase<R> otherwise(Action<? extends R> body) {
        return new SelectCase<>(Kind.DEFAULT, null, null, 0, body);
    }

    static <T> Handler<T, Void> statement(VoidHandler<? super T> body) {
        Objects.requireNonNull(body, "case body");
        return v -> {
            body.accept(v);
            return null;
        };
    }

    static Action<Void> statement(Body body) {
        Objects.requireNonNull(body, "case body");
        return () -> {
            body.run();
            return null;
        };
    }

    /** Runs the body of a case that takes no value (SEND, TIMEOUT, DEFAULT). */
    @SuppressWarnings("unchecked")
    R run() throws InterruptedException {
        return ((Action<? extends R>) body).call();
    }

    /** Runs the body of a RECEIVE case with the value, or of a RECEIVE_OK case with a Received. */
    @SuppressWarnings("unchecked")
    R run(Object received) throws InterruptedException {
        return ((Handler<Object, ? extends R>) body).apply(received);
    }

    @Override
    public String toString() {
        return "SelectCase[" + kind + (chan == null && kind.ordinal() <= Kind.SEND.ordinal() ? " nil" : "") + "]";
    }
}
