package io.chanflow.pattern;

import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.DoneChannel;
import io.chanflow.Go;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A publish/subscribe broker: every value published goes to every current subscriber, each through a
 * channel with its own buffer, and each subscriber chooses what happens when it falls behind.
 *
 * <pre>{@code
 * Broker<Event> events = Broker.start(ctx);
 * var audit = events.subscribe(100, Broker.Overflow.BLOCK);   // never misses one; may slow publishers
 * var ui    = events.subscribe(10,  Broker.Overflow.DROP);    // never slows anyone; may miss some
 * events.publish(ctx, e);
 * for (Event e : ui.channel()) show(e);
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Order.</b> Publishes are serialised: one is delivered to every subscriber before the next starts,
 *       so all subscribers see the values they get in one and the same order (for one publisher, the order
 *       it published in). A subscriber gets the values published after {@link #subscribe} returned.</li>
 *   <li><b>Slow subscribers.</b> {@link Overflow#BLOCK}: when its buffer is full, {@link #publish} waits for
 *       it, which holds back every later publish: the slowest BLOCK subscriber paces the broker.
 *       {@link Overflow#DROP}: when its buffer is full, the value is not given to it
 *       ({@link Subscription#dropped()} counts those) and the publish goes on at once.</li>
 *   <li><b>Closing.</b> The broker owns the subscriber channels. {@link Subscription#close()} unsubscribes
 *       and closes that channel normally (values already buffered can still be received). {@link #close()}
 *       refuses new publishes, lets the one in progress finish, then closes every subscriber channel
 *       normally. When the broker's context is done, the publish in progress is abandoned and every
 *       subscriber channel is closed with the {@link io.chanflow.context.ContextDoneException}.</li>
 *   <li><b>Goroutines.</b> One, which waits for the end of the broker ({@link #close()} or its context) and
 *       then closes the subscriber channels. Publishing runs on the publisher's thread.</li>
 *   <li>Thread-safe. Publishing a value happens-before a subscriber receives it.</li>
 * </ul>
 *
 * @param <T> the element type
 */
public final class Broker<T> implements AutoCloseable {

    /** What a publish does when a subscriber's buffer is full. */
    public enum Overflow {
        /** Wait until the subscriber has room (the publisher, and every later publish, waits). */
        BLOCK,
        /** Do not give this value to the subscriber; count it as dropped. */
        DROP
    }

    private static final Object TOKEN = new Object();

    private final Context ctx;
    /** A mutex made of a buffered channel (see the package documentation): acquiring it can be abandoned. */
    private final Channel<Object> publishing = Channel.make(1);
    /** Closed by {@link #close()} or when the context is done: no publish starts after it. */
    private final DoneChannel closing = DoneChannel.make();
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock; replaced, never mutated, so a publish iterates a snapshot. */
    private List<Subscription<T>> subscribers = List.of();
    /** Guarded by lock: the subscriber channels have been closed; no subscription may be added. */
    private boolean terminated;

    private Broker(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Starts a broker.
     *
     * @param ctx ends the broker when done (see the class description)
     * @param <T> the element type
     * @return the running broker
     */
    public static <T> Broker<T> start(Context ctx) {
        Objects.requireNonNull(ctx, "ctx");
        Broker<T> b = new Broker<>(ctx);
        Go.go(b::awaitEnd);
        return b;
    }

    /**
     * Subscribes.
     *
     * @param buffer the capacity of the subscriber's channel, at least 0
     * @param policy what happens to values when the buffer is full
     * @return the subscription
     * @throws IllegalStateException if the broker is closed
     */
    public Subscription<T> subscribe(int buffer, Overflow policy) {
        Objects.requireNonNull(policy, "policy");
        Subscription<T> s = new Subscription<>(this, Channel.make(buffer), policy);
        lock.lock();
        try {
            if (terminated || closing.isDone()) {
                throw closed();
            }
            List<Subscription<T>> next = new ArrayList<>(subscribers);
            next.add(s);
            subscribers = List.copyOf(next);
        } finally {
            lock.unlock();
        }
        return s;
    }

    /**
     * Publishes {@code value} to every current subscriber, as the subscribers' policies say. Returns once
     * every subscriber has it in its buffer, or has taken it, or has dropped it.
     *
     * @param ctx the publisher's context
     * @param value the value, not null
     * @throws IllegalStateException if the broker is closed before this publish starts
     * @throws io.chanflow.context.ContextDoneException if {@code ctx}, or the broker's context, is done before
     *     the value is delivered; then the subscribers served so far have it and the others do not
     * @throws InterruptedException if interrupted; as for a context that is done
     */
    public void publish(Context ctx, T value) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        int got = select(
                publishing.onSend(TOKEN, () -> 0),
                closing.onDone(() -> 1),
                ctx.done().onDone(() -> 2));
        if (got == 1) {
            throw closed();
        } else if (got == 2) {
            throw Stage.doneException(ctx);
        }
        try {
            if (closing.isDone()) {
                throw closed();
            }
            for (Subscription<T> s : snapshot()) {
                s.deliver(value, ctx);
            }
        } finally {
            publishing.tryReceive();
        }
    }

    /**
     * Closes the broker: later publishes fail, the one in progress finishes, then every subscriber channel
     * is closed normally. Idempotent; does not wait.
     */
    @Override
    public void close() {
        closing.tryClose();
    }

    private List<Subscription<T>> snapshot() {
        lock.lock();
        try {
            return subscribers;
        } finally {
            lock.unlock();
        }
    }

    private void remove(Subscription<T> s) {
        lock.lock();
        try {
            List<Subscription<T>> next = new ArrayList<>(subscribers);
            next.remove(s);
            subscribers = List.copyOf(next);
        } finally {
            lock.unlock();
        }
    }

    /** The broker's goroutine: waits for the end, then closes what the broker owns. */
    private void awaitEnd() throws InterruptedException {
        select(ctx.done().onDone(() -> {}), closing.onDone(() -> {}));
        closing.tryClose();
        publishing.send(TOKEN); // waits out the publish in progress (it gives up by itself if ctx is done)
        Throwable cause = ctx.err() != null ? Stage.doneException(ctx) : null;
        List<Subscription<T>> last;
        lock.lock();
        try {
            terminated = true;
            last = subscribers;
            subscribers = List.of();
        } finally {
            lock.unlock();
        }
        for (Subscription<T> s : last) {
            s.closeChannel(cause);
        }
    }

    private static IllegalStateException closed() {
        return new IllegalStateException("broker closed");
    }

    /**
     * One subscriber's view: its channel, its policy and what it missed.
     *
     * @param <T> the element type
     */
    public static final class Subscription<T> implements AutoCloseable {
        private final Broker<T> broker;
        private final Channel<T> ch;
        private final Overflow policy;
        private final DoneChannel unsubscribed = DoneChannel.make();
        private final AtomicBoolean channelClosed = new AtomicBoolean();
        private final AtomicLong dropped = new AtomicLong();

        private Subscription(Broker<T> broker, Channel<T> ch, Overflow policy) {
            this.broker = broker;
            this.ch = ch;
            this.policy = policy;
        }

        /**
         * The values: iterate it until it closes.
         *
         * @return the receive-only channel
         */
        public ReceiveChannel<T> channel() {
            return ch.receiveOnly();
        }

        /**
         * The policy chosen at subscribe time.
         *
         * @return the policy
         */
        public Overflow policy() {
            return policy;
        }

        /**
         * How many values were not given to this subscriber because its buffer was full
         * ({@link Overflow#DROP} only).
         *
         * @return the count so far
         */
        public long dropped() {
            return dropped.get();
        }

        /**
         * Unsubscribes: no more values are given to this subscriber, a publish waiting for it stops waiting,
         * and the channel is closed normally (buffered values can still be received). Idempotent.
         */
        @Override
        public void close() {
            if (unsubscribed.tryClose()) {
                broker.remove(this);
                closeChannel(null);
            }
        }

        private void deliver(T value, Context pubCtx) throws InterruptedException {
            try {
                if (policy == Overflow.DROP) {
                    if (!ch.trySend(value)) {
                        dropped.incrementAndGet();
                    }
                    return;
                }
                int got = select(
                        ch.onSend(value, () -> 0),
                        unsubscribed.onDone(() -> 0),
                        broker.ctx.done().onDone(() -> 1),
                        pubCtx.done().onDone(() -> 2));
                if (got != 0) {
                    throw Stage.doneException(got == 1 ? broker.ctx : pubCtx);
                }
            } catch (ChannelClosedException unsubscribedMeanwhile) {
                // closed by close() while we offered: it no longer wants values
            }
        }

        private void closeChannel(Throwable cause) {
            if (channelClosed.compareAndSet(false, true)) {
                Stage.close(ch, cause);
            }
        }

        @Override
        public String toString() {
            return "Subscription[" + policy + ", dropped=" + dropped + ", " + ch + "]";
        }
    }
}
