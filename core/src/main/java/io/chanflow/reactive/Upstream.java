package io.chanflow.reactive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import org.reactivestreams.Subscription;

/*
 * Overview
 * ========
 * The upstream side of every Chanflow subscriber: it holds the Subscription and makes every call on it
 * serial (Rule 2.7), although requests come from whichever thread consumed a value (a receiver of the
 * bridged channel, a forwarding goroutine) and cancel from a context watcher. It is the "queue-drain" of
 * reactor-core's Operators.DeferredSubscription, cut down to what the bridges need:
 *
 *   request(n): PENDING += n (capped at Long.MAX_VALUE); drain()
 *   cancel():   cancelled = true; drain()
 *   drain():    the thread that moves WIP from 0 calls the Subscription, the others only leave work:
 *                 loop { if cancelled: s.cancel() once, and never request again
 *                        else if s is set: s.request(getAndSet(PENDING, 0)) if > 0
 *                        missed = WIP -= missed; until missed == 0 }
 *
 * Requests made before onSubscribe are kept in PENDING and issued once the Subscription arrives; a cancel
 * before it cancels it on arrival (Rule 2.5's duplicate onSubscribe is the caller's business: set() says).
 */
/**
 * Serialises {@code request} and {@code cancel} on one upstream {@link Subscription} (Rule 2.7), and
 * remembers both until the Subscription arrives. Thread-safe.
 */
final class Upstream {
    /** Written once by set(); read by drain(). */
    private volatile Subscription s;
    private volatile boolean cancelled;
    /** Requests not yet passed to s. */
    private volatile long pending;
    /** Drain loop ownership: the thread that moved it from 0 drains; others add "missed" work. */
    private volatile int wip;
    /** Only touched inside drain(), which WIP makes serial. */
    private boolean cancelSent;

    /**
     * Sets the Subscription once (Rule 2.5).
     *
     * @return {@code false} if one was already set: the caller must cancel {@code sub}
     */
    boolean set(Subscription sub) {
        Objects.requireNonNull(sub, "subscription (Rule 2.13)");
        if (!S.compareAndSet(this, null, sub)) {
            return false;
        }
        drain();
        return true;
    }

    /** Requests {@code n > 0} more, now or once the Subscription arrives; a no-op after cancel. */
    void request(long n) {
        for (;;) {
            long p = pending;
            long next = p + n < 0 ? Long.MAX_VALUE : p + n;
            if (PENDING.compareAndSet(this, p, next)) {
                break;
            }
        }
        drain();
    }

    /** Cancels the Subscription, now or once it arrives; idempotent. */
    void cancel() {
        cancelled = true;
        drain();
    }

    boolean isCancelled() {
        return cancelled;
    }

    private void drain() {
        if ((int) WIP.getAndAdd(this, 1) != 0) {
            return;
        }
        int missed = 1;
        for (;;) {
            Subscription sub = s;
            if (sub != null) {
                if (cancelled) {
                    if (!cancelSent) {
                        cancelSent = true;
                        sub.cancel();
                    }
                } else {
                    long n = (long) PENDING.getAndSet(this, 0L);
                    if (n != 0) {
                        sub.request(n);
                    }
                }
            }
            missed = (int) WIP.getAndAdd(this, -missed) - missed;
            if (missed == 0) {
                return;
            }
        }
    }

    // VarHandle mechanics
    private static final VarHandle S;
    private static final VarHandle PENDING;
    private static final VarHandle WIP;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            S = l.findVarHandle(Upstream.class, "s", Subscription.class);
            PENDING = l.findVarHandle(Upstream.class, "pending", long.class);
            WIP = l.findVarHandle(Upstream.class, "wip", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
