package io.chanflow;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.Spliterators;
import java.util.Spliterator;

/**
 * The nil channel (rule 6): sends and receives block until interrupted, select cases on it are never ready,
 * closing it fails. Stateless, so one instance serves every element type.
 */
final class NilChan<E> implements Channel<E> {
    private static final NilChan<?> INSTANCE = new NilChan<>();

    private NilChan() {}

    @SuppressWarnings("unchecked")
    static <E> NilChan<E> instance() {
        return (NilChan<E>) INSTANCE;
    }

    /** Blocks until interrupted: a select with no cases never completes. */
    private static <T> T blockForever() throws InterruptedException {
        Select.<T>select();
        throw new AssertionError("an empty select returned");
    }

    @Override
    public void send(E value) throws InterruptedException {
        Objects.requireNonNull(value, "channel elements must not be null");
        blockForever();
    }

    @Override
    public boolean trySend(E value) {
        Objects.requireNonNull(value, "channel elements must not be null");
        return false;
    }

    @Override
    public boolean trySend(E value, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(value, "channel elements must not be null");
        return Select.select(SelectCase.timeout(Go.nanos(timeout), () -> false));
    }

    @Override
    public void close() {
        throw new IllegalStateException("close of nil channel");
    }

    @Override
    public void close(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        close();
    }

    @Override
    public E receive() throws InterruptedException {
        return blockForever();
    }

    @Override
    public Received<E> receiveOk() throws InterruptedException {
        return blockForever();
    }

    @Override
    public E tryReceive() {
        return null;
    }

    @Override
    public Received<E> tryReceiveOk() {
        return null;
    }

    @Override
    public E tryReceive(Duration timeout) throws InterruptedException {
        return Select.select(SelectCase.timeout(Go.nanos(timeout), () -> null));
    }

    @Override
    public boolean isClosedForSend() {
        return false;
    }

    @Override
    public boolean isClosedForReceive() {
        return false;
    }

    @Override
    public Done closing() {
        return NEVER;
    }

    /** A Done whose select case is a nil-channel case: never ready. */
    private static final Done NEVER = new Done() {
        @Override public boolean isDone() { return false; }
        @Override public void await() throws InterruptedException { blockForever(); }
        @Override public boolean await(Duration timeout) throws InterruptedException {
            return Select.select(SelectCase.timeout(Go.nanos(timeout), () -> false));
        }
        @Override public <R> SelectCase<R> onDone(Action<? extends R> body) {
            Objects.requireNonNull(body, "case body");
            return SelectCase.receiveOk((Chan<Object>) null, r -> body.call());
        }
        @Override public SelectCase<Void> onDone(Body body) { return onDone(SelectCase.statement(body)); }
    };

    @Override
    public int len() {
        return 0;
    }

    @Override
    public int cap() {
        return 0;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return blockForever();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ChannelInterruptedException(e);
                }
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                throw new AssertionError();
            }
        };
    }

    @Override
    public Stream<E> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    @Override
    public <R> SelectCase<R> onReceive(Handler<? super E, ? extends R> body) {
        return SelectCase.receive((Chan<E>) null, body);
    }

    @Override
    public <R> SelectCase<R> onReceiveOk(Handler<? super Received<E>, ? extends R> body) {
        return SelectCase.receiveOk((Chan<E>) null, body);
    }

    @Override
    public SelectCase<Void> onReceiveDo(VoidHandler<? super E> body) {
        return SelectCase.receive((Chan<E>) null, SelectCase.statement(body));
    }

    @Override
    public SelectCase<Void> onReceiveOkDo(VoidHandler<? super Received<E>> body) {
        return SelectCase.receiveOk((Chan<E>) null, SelectCase.statement(body));
    }

    @Override
    public <R> SelectCase<R> onSend(E value, Action<? extends R> body) {
        return SelectCase.send((Chan<E>) null, value, body);
    }

    @Override
    public SelectCase<Void> onSend(E value, Body body) {
        return SelectCase.send((Chan<E>) null, value, SelectCase.statement(body));
    }

    @Override
    public SendChannel<E> sendOnly() {
        return this;
    }

    @Override
    public ReceiveChannel<E> receiveOnly() {
        return this;
    }

    @Override
    public String toString() {
        return "Channel[nil]";
    }
}
