package io.chanflow;

import java.time.Duration;

/**
 * A done channel that its owner closes to broadcast "over" to every listener: Go's
 * {@code done := make(chan struct{})} with {@code close(done)}. Hand listeners the {@link Done} view
 * (it has no {@code close}).
 *
 * <p>Thread-safe; closing wakes every waiter and every select blocked on {@link #onDone}.
 */
public final class DoneChannel implements Done {
    /** Never sent on: only closed. */
    private final Chan<Object> chan = new Chan<>(0);
    private final Done view = new View(this);

    private DoneChannel() {}

    /**
     * A new, open done channel.
     *
     * @return the channel
     */
    public static DoneChannel make() {
        return new DoneChannel();
    }

    /**
     * Closes the channel: Go's {@code close(done)}.
     *
     * @throws ChannelClosedException {@code "close of closed channel"} if already closed
     */
    public void close() {
        chan.close();
    }

    /**
     * Closes the channel unless it is already closed; for owners that may race to close it (cancel
     * functions, which Go makes idempotent).
     *
     * @return whether this call closed it
     */
    public boolean tryClose() {
        return chan.tryClose();
    }

    /**
     * The receive-only view to hand to listeners.
     *
     * @return a view without {@code close}
     */
    public Done done() {
        return view;
    }

    @Override
    public boolean isDone() {
        return chan.isClosed();
    }

    @Override
    public void await() throws InterruptedException {
        chan.receiveOk();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return Select.select(
                SelectCase.receiveOk(chan, r -> true),
                SelectCase.timeout(Go.nanos(timeout), () -> false));
    }

    @Override
    public <R> SelectCase<R> onDone(Action<? extends R> body) {
        java.util.Objects.requireNonNull(body, "case body");
        return SelectCase.receiveOk(chan, r -> body.call());
    }

    @Override
    public SelectCase<Void> onDone(Body body) {
        return onDone(SelectCase.statement(body));
    }

    @Override
    public String toString() {
        return "DoneChannel[" + (isDone() ? "closed" : "open") + "]";
    }

    private record View(DoneChannel d) implements Done {
        @Override public boolean isDone() { return d.isDone(); }
        @Override public void await() throws InterruptedException { d.await(); }
        @Override public boolean await(Duration timeout) throws InterruptedException { return d.await(timeout); }
        @Override public <R> SelectCase<R> onDone(Action<? extends R> body) { return d.onDone(body); }
        @Override public SelectCase<Void> onDone(Body body) { return d.onDone(body); }
    }
}
