package io.chanflow.reactive;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.ChannelClosedException;
import io.chanflow.DoneChannel;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/*
 * Overview
 * ========
 * A cold Publisher over a channel: each subscriber gets its own Emitter, a Subscription whose goroutine
 * (virtual thread) receives from the channel and signals the subscriber. The goroutine is the only thread
 * that signals onNext, onComplete and onError, so signals are serial (Rule 1.3) and request() called from
 * inside onNext only adds to a counter (Rule 3.3: no recursion). onSubscribe runs on the subscribing thread,
 * before the goroutine starts.
 *
 *   run():
 *     loop {
 *       if cancelled:               if a bad request caused it, onError(IllegalArgumentException) (Rule 3.9)
 *                                   return
 *       if emitted == requested:    if closed and drained: onComplete / onError(cause); return
 *                                   park until request(), cancel() or the closing watcher unparks us
 *       v = tryReceive(ch)  or else  select { case r = <-ch (ok form): ; case <-cancelSignal: continue }
 *       if closed and drained:      onComplete, or onError(cause) for close(cause); return
 *       onNext(r.value); emitted++
 *     }
 *
 * Demand first, then the receive: the goroutine waits on the channel only while the subscriber has
 * outstanding demand, so it never takes a value it could not deliver and, without demand, it is not among
 * the channel's receivers at all: other receivers get every value. The cancel signal is a DoneChannel in the
 * same select as the receive, so cancel() wakes a goroutine blocked on an empty channel at once.
 *
 * Cancel racing a receive: Go's select picks at random among ready cases, so a value may be taken by a
 * select that was already under way when cancel() ran. Such a value was requested, so it is delivered with
 * onNext (Rule 3.12 lets signals trail a cancel) and is never dropped by the bridge; after that the
 * goroutine sees the cancel and exits. A select that starts after cancel() returned never receives.
 *
 * Completion without demand (Rules 1.4, 1.5: onComplete and onError need no demand): a second, small
 * goroutine (the closing watcher) waits for source.closing() or the cancel signal and unparks the worker,
 * which then asks isClosedForReceive() (closed AND drained, takes nothing). So a subscriber that requested
 * exactly the channel's values gets onComplete (or onError with the close cause, read from Received.cause())
 * with no further request, and a channel closed with a cause before anyone subscribed fails a subscriber at
 * once. If the channel is closed with values left that other receivers drain while this subscriber has no
 * demand, the terminal signal waits for the next request() (nothing wakes the worker when they drain it).
 */
final class ChannelPublisher<T> implements Publisher<T> {
    private final ReceiveChannel<T> source;
    /** Run once when a subscription is cancelled by its subscriber; may be null. */
    private final Runnable onCancel;

    ChannelPublisher(ReceiveChannel<T> source, Runnable onCancel) {
        this.source = Objects.requireNonNull(source, "channel");
        this.onCancel = onCancel;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber (Rule 1.9)");
        Emitter<T> e = new Emitter<>(source, subscriber, onCancel);
        try {
            subscriber.onSubscribe(e);
        } catch (Throwable t) {
            e.cancel(); // Rule 2.13: the subscriber broke the contract; treat the subscription as cancelled
            throw t;
        }
        e.start();
    }

    @Override
    public String toString() {
        return "ChannelPublisher[" + source + "]";
    }

    /** One subscription: the receiving goroutine and the demand it follows. */
    static final class Emitter<T> implements Subscription {
        private final ReceiveChannel<T> source;
        private final Runnable onCancel;
        private final DoneChannel cancelSignal = DoneChannel.make();
        /** Nulled on cancel so the subscriber can be collected (Rule 3.13). */
        private volatile Subscriber<? super T> downstream;
        /** Total requested so far, capped at Long.MAX_VALUE (= unbounded). */
        private volatile long requested;
        private volatile boolean cancelled;
        /** Set by a request(n <= 0); the goroutine signals it (Rule 3.9). */
        private volatile Throwable badRequest;
        /** The goroutine, once it runs; request() and cancel() unpark it. */
        private volatile Thread worker;

        Emitter(ReceiveChannel<T> source, Subscriber<? super T> downstream, Runnable onCancel) {
            this.source = source;
            this.downstream = downstream;
            this.onCancel = onCancel;
        }

        void start() {
            if (!cancelled || badRequest != null) {
                go(this::run);
            }
        }

        /** The goroutine of the current thread, if it has started; for tests. */
        Thread worker() {
            return worker;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException(
                        "Rule 3.9: request(n) needs n > 0, was called with n = " + n);
                cancel();
                return;
            }
            for (;;) {
                long r = requested;
                long next = r + n < 0 ? Long.MAX_VALUE : r + n;
                if (REQUESTED.compareAndSet(this, r, next)) {
                    break;
                }
            }
            LockSupport.unpark(worker);
        }

        @Override
        public void cancel() {
            if (stop() && onCancel != null) {
                onCancel.run();
            }
        }

        /** Stops the goroutine; returns whether this call did it. */
        private boolean stop() {
            if ((boolean) CANCELLED.getAndSet(this, true)) {
                return false;
            }
            cancelSignal.tryClose();
            LockSupport.unpark(worker);
            return true;
        }

        /** Unparks the worker once the channel is closed; exits on that or on cancel, whichever is first. */
        private void watchClosing(Thread w) throws InterruptedException {
            select(source.closing().onDone(() -> null), cancelSignal.onDone(() -> null));
            LockSupport.unpark(w);
        }

        /** Ends the stream with onComplete, or onError(cause) for a channel closed with a cause. */
        private void terminate(Throwable cause) {
            cancelled = true;
            Subscriber<? super T> d = downstream;
            if (cause == null) {
                d.onComplete();
            } else {
                d.onError(cause);
            }
        }

        private void run() throws InterruptedException {
            Thread self = Thread.currentThread();
            worker = self;
            if (!source.closing().isDone()) {
                go(() -> watchClosing(self));
            }
            long emitted = 0;
            try {
                for (;;) {
                    if (cancelled) {
                        Throwable bad = badRequest;
                        Subscriber<? super T> d = downstream;
                        if (bad != null && d != null) {
                            d.onError(bad);
                        }
                        return;
                    }
                    if (emitted == requested) {
                        if (source.isClosedForReceive()) {
                            terminate(source.tryReceiveOk().cause()); // closed and drained: takes nothing
                            return;
                        }
                        LockSupport.park(this);
                        continue;
                    }
                    T v;
                    try {
                        v = source.tryReceive(); // the fast path allocates nothing
                    } catch (ChannelClosedException closedAndDrained) {
                        v = null; // the select below reports the end, with its cause
                    }
                    if (v == null) {
                        Received<T> r = select(source.onReceiveOk(x -> x), cancelSignal.onDone(() -> null));
                        if (r == null) {
                            continue; // cancelled: the loop head decides
                        }
                        if (!r.ok()) {
                            terminate(r.cause());
                            return;
                        }
                        v = r.value();
                    }
                    downstream.onNext(v);
                    emitted++;
                }
            } catch (InterruptedException e) {
                // Nobody but the owner interrupts a goroutine; end the stream rather than hang it.
                Subscriber<? super T> d = downstream;
                if (!(boolean) CANCELLED.getAndSet(this, true) && d != null) {
                    d.onError(e);
                }
            } catch (Throwable t) {
                // Rule 2.13: a subscriber method threw. Cancel, and let the goroutine handler report it.
                cancel();
                throw t;
            } finally {
                downstream = null;
                cancelSignal.tryClose();
            }
        }

        // VarHandle mechanics
        private static final VarHandle REQUESTED;
        private static final VarHandle CANCELLED;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                REQUESTED = l.findVarHandle(Emitter.class, "requested", long.class);
                CANCELLED = l.findVarHandle(Emitter.class, "cancelled", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
