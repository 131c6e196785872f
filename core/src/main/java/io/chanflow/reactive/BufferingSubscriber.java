package io.chanflow.reactive;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/*
 * Overview
 * ========
 * What both channel-feeding subscribers share: a buffer channel of exactly `capacity` slots that onNext
 * fills with trySend, and the demand accounting that makes that trySend always succeed.
 *
 * Accounting. R = total requested, N = total onNext'd, C = values taken out of the buffer and counted (a
 * subclass counts a value only after it left the buffer, so C never runs ahead). The subclass requests
 * `capacity` at subscription, then k more only after k more were taken: R <= capacity + C. While the
 * publisher keeps N <= R, the buffer holds N - C <= capacity values, so onNext never blocks and never fails
 * to buffer. `demand` (R - N) is checked in onNext: a publisher that emits beyond it broke Rule 1.1, and
 * the stream ends with an IllegalStateException instead of buffering the extra value.
 *
 * Replenishing batches: limit = capacity - capacity / 4, Reactor's limitRate/prefetch "low tide".
 *
 * Termination is decided once (terminated CAS) among onComplete, onError, a protocol error and a cancel;
 * the winner closes the buffer (with the cause, if any). Signals after that are dropped: after a cancel the
 * publisher may still emit (Rule 2.8).
 */
abstract class BufferingSubscriber<T> implements Subscriber<T> {
    final Channel<T> buffer;
    final Upstream upstream = new Upstream();
    final int capacity;
    /** Requests are made in batches of this many taken values. */
    final long limit;
    /** Requested from upstream and not yet delivered (R - N). */
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean terminated = new AtomicBoolean();

    BufferingSubscriber(int capacity, String name) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.limit = capacity - (capacity >> 2);
        this.buffer = Channel.make(capacity);
    }

    /** Called once the Subscription is set, before the first request. */
    void subscribed() {}

    /** Called once by whoever ended the stream, after the buffer was closed. */
    void terminated() {}

    /**
     * Called before the stream ends with an error the publisher caused (its onError, a null signal, values
     * beyond demand), unless the stream had already ended; not for a cancel.
     */
    void upstreamFailed(Throwable cause) {}

    @Override
    public final void onSubscribe(Subscription s) {
        if (s == null) {
            throw nullSignal("onSubscribe subscription");
        }
        if (!upstream.set(s)) {
            s.cancel(); // Rule 2.5: a second onSubscribe
            return;
        }
        subscribed();
        request(capacity);
    }

    /** Requests {@code n} more from upstream, unless the stream ended. */
    final void request(long n) {
        if (!terminated.get()) {
            demand.addAndGet(n);
            upstream.request(n);
        }
    }

    @Override
    public final void onNext(T t) {
        if (t == null) {
            throw nullSignal("onNext element");
        }
        if (terminated.get()) {
            return; // Rule 2.8: values may trail a cancel
        }
        if (demand.getAndDecrement() <= 0) {
            protocolError("the publisher emitted more than was requested (Rule 1.1)");
            return;
        }
        try {
            if (!buffer.trySend(t)) {
                protocolError("no room for a requested value: the demand accounting is broken");
            }
        } catch (ChannelClosedException closedMeanwhile) {
            // the stream ended meanwhile; the value trails a cancel (Rule 2.8)
        }
    }

    @Override
    public void onError(Throwable t) {
        if (t == null) {
            throw nullSignal("onError cause");
        }
        failAndTerminate(t);
    }

    /**
     * Rule 2.13: a null signal is a broken publisher. The subscription is treated as cancelled (cancelled, if
     * there is one) and the stream ends with the NullPointerException, which is also thrown to the caller.
     */
    private NullPointerException nullSignal(String what) {
        NullPointerException e = new NullPointerException(what + " is null (Rule 2.13)");
        upstream.cancel();
        failAndTerminate(e);
        return e;
    }

    @Override
    public final void onComplete() {
        terminate(null);
    }

    /**
     * Ends the stream with {@code cause} and cancels upstream, unless the stream already ended: after
     * onComplete or onError the Subscription counts as cancelled (Rule 2.4), so it is not cancelled again.
     *
     * @return whether this call ended it
     */
    final boolean cancelAndTerminate(Throwable cause) {
        if (!terminated.compareAndSet(false, true)) {
            return false;
        }
        // Cancel before closing: whoever sees the channel closed (and, through a stage, the downstream
        // that gets the error) then finds the upstream already cancelled.
        upstream.cancel();
        closeAndNotify(cause);
        return true;
    }

    final boolean isTerminated() {
        return terminated.get();
    }

    private void protocolError(String message) {
        upstream.cancel();
        failAndTerminate(new IllegalStateException(message));
    }

    private void failAndTerminate(Throwable cause) {
        if (!terminated.get()) {
            upstreamFailed(cause);
        }
        terminate(cause);
    }

    /**
     * Ends the stream unless it already ended: closes the buffer (with {@code cause}, unless null); receivers
     * still get the values before it.
     *
     * @return whether this call ended it
     */
    final boolean terminate(Throwable cause) {
        if (!terminated.compareAndSet(false, true)) {
            return false;
        }
        closeAndNotify(cause);
        return true;
    }

    private void closeAndNotify(Throwable cause) {
        Closing.closeQuietly(buffer, cause);
        terminated();
    }
}
