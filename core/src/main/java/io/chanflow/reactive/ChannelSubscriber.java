package io.chanflow.reactive;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.chanflow.Handler;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.SelectCase;
import io.chanflow.VoidHandler;
import io.chanflow.context.Context;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/*
 * Overview
 * ========
 * A Subscriber that pours a Publisher into a channel of exactly `capacity` slots (the buffer and its
 * accounting are BufferingSubscriber's), and the receive side of that channel (Consumer), which counts
 * what receivers take and, once `limit` were taken since the last request, requests that many.
 */
final class ChannelSubscriber<T> extends BufferingSubscriber<T> {
    private final Consumer consumer = new Consumer();
    /** Taken by receivers since the last replenishing request. */
    private final AtomicLong consumed = new AtomicLong();
    /** Closed when the stream ends, however it ends; a context watcher leaves on it. */
    private final DoneChannel finished = DoneChannel.make();
    /**
     * Why the upstream failed (its onError cause, or the error its null signal or excess values caused), for
     * a stage that reports it after the values before it.
     */
    private volatile Throwable upstreamError;

    ChannelSubscriber(int capacity) {
        super(capacity, "capacity");
    }

    /**
     * Cancels the subscription and closes the channel with the context's cause when {@code ctx} is done
     * first; the watching goroutine leaves when the stream ends. A context that can never be cancelled
     * (the background context, and contexts with values on it) needs no watcher.
     */
    ChannelSubscriber<T> cancelOn(Context ctx) {
        Done ctxDone = ctx.done();
        if (ctxDone == Context.background().done()) {
            return this;
        }
        if (ctxDone.isDone()) {
            cancel(ctx.cause());
        } else {
            go(() -> {
                if (select(ctxDone.onDone(() -> true), finished.onDone(() -> false))) {
                    cancel(ctx.cause());
                }
            });
        }
        return this;
    }

    /** The receive side handed to the application. */
    ReceiveChannel<T> channel() {
        return consumer;
    }

    /** The upstream's failure, if it failed (see upstreamError). */
    Throwable upstreamError() {
        return upstreamError;
    }

    /** Cancels upstream and closes the channel with {@code cause}, unless the stream already ended. */
    void cancel(Throwable cause) {
        cancelAndTerminate(cause);
    }

    @Override
    void upstreamFailed(Throwable cause) {
        upstreamError = cause;
    }

    @Override
    void terminated() {
        finished.tryClose();
    }

    /** Called after a receiver took a value: requests a batch once `limit` values have been taken. */
    private void onConsumed() {
        for (;;) {
            long c = consumed.get();
            long n = c + 1;
            if (n < limit) {
                if (consumed.compareAndSet(c, n)) {
                    return;
                }
            } else if (consumed.compareAndSet(c, 0)) {
                request(n);
                return;
            }
        }
    }

    private <V> V counted(V value) {
        if (value != null) {
            onConsumed();
        }
        return value;
    }

    private Received<T> countedOk(Received<T> r) {
        if (r != null && r.ok()) {
            onConsumed();
        }
        return r;
    }

    @Override
    public String toString() {
        return "ChannelSubscriber[cap=" + capacity + ", " + buffer + "]";
    }

    /**
     * The receive side: every way to take a value from the buffer, each counting what it took. Values are
     * counted after the receive completed, so the count never runs ahead of the buffer.
     */
    private final class Consumer implements ReceiveChannel<T> {
        @Override
        public T receive() throws InterruptedException {
            return counted(buffer.receive());
        }

        @Override
        public Received<T> receiveOk() throws InterruptedException {
            return countedOk(buffer.receiveOk());
        }

        @Override
        public T tryReceive() {
            return counted(buffer.tryReceive());
        }

        @Override
        public Received<T> tryReceiveOk() {
            return countedOk(buffer.tryReceiveOk());
        }

        @Override
        public T tryReceive(Duration timeout) throws InterruptedException {
            return counted(buffer.tryReceive(timeout));
        }

        @Override
        public int len() {
            return buffer.len();
        }

        @Override
        public boolean isClosedForReceive() {
            return buffer.isClosedForReceive();
        }

        @Override
        public Done closing() {
            return buffer.closing();
        }

        @Override
        public int cap() {
            return buffer.cap();
        }

        /** The engine's iterator (its closing, cause and interruption rules), counting each value once. */
        @Override
        public Iterator<T> iterator() {
            Iterator<T> it = buffer.iterator();
            return new Iterator<>() {
                /** Whether the value the engine's iterator holds was counted. */
                private boolean counted;

                @Override
                public boolean hasNext() {
                    boolean has = it.hasNext();
                    if (has && !counted) {
                        counted = true;
                        onConsumed();
                    }
                    return has;
                }

                @Override
                public T next() {
                    T v = it.next();
                    if (!counted) {
                        onConsumed();
                    }
                    counted = false;
                    return v;
                }
            };
        }

        @Override
        public Stream<T> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                    iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
        }

        @Override
        public <R> SelectCase<R> onReceive(Handler<? super T, ? extends R> body) {
            Objects.requireNonNull(body, "case body");
            return buffer.onReceive(v -> {
                onConsumed();
                return body.apply(v);
            });
        }

        @Override
        public <R> SelectCase<R> onReceiveOk(Handler<? super Received<T>, ? extends R> body) {
            Objects.requireNonNull(body, "case body");
            return buffer.onReceiveOk(r -> body.apply(countedOk(r)));
        }

        @Override
        public SelectCase<Void> onReceiveDo(VoidHandler<? super T> body) {
            Objects.requireNonNull(body, "case body");
            return onReceive(v -> {
                body.accept(v);
                return null;
            });
        }

        @Override
        public SelectCase<Void> onReceiveOkDo(VoidHandler<? super Received<T>> body) {
            Objects.requireNonNull(body, "case body");
            return onReceiveOk(r -> {
                body.accept(r);
                return null;
            });
        }

        @Override
        public String toString() {
            return "<-chan " + ChannelSubscriber.this;
        }
    }
}
