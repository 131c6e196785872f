package io.chanflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A single-shot timer: Go's {@code time.Timer}. When it fires, the current time is sent on {@link #c()}, a
 * channel with a buffer of one.
 *
 * <p>Stop and reset follow Go 1.23: once {@link #stop()} or {@link #reset(Duration)} returns, no value from
 * before the call can be received from {@link #c()}, so the Go &lt; 1.23 dance of draining the channel is not
 * needed. Thread-safe; the timer runs on the shared scheduler (one platform thread for all timers).
 */
public final class Timer {
    private final Chan<Instant> c = new Chan<>(1);
    /** For {@link Go#afterFunc}: run on a new goroutine when the timer fires, instead of sending. */
    private final Task func;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock: the scheduled firing, or null when stopped or fired. */
    private ScheduledFuture<?> pending;
    /** Guarded by lock: bumped by stop and reset, so a firing scheduled before them sends nothing. */
    private long generation;

    Timer(Duration d, Task func) {
        this.func = func;
        lock.lock();
        try {
            schedule(d);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The channel the timer fires on: Go's {@code t.C}. A timer made by {@link Go#afterFunc} never sends on
     * it.
     *
     * @return the receive side of the timer's channel
     */
    public ReceiveChannel<Instant> c() {
        return c;
    }

    /**
     * Stops the timer: Go's {@code t.Stop()}.
     *
     * @return {@code true} if this call stopped it before it delivered a value (it had not fired, or its
     *     value was still unreceived and is now dropped, as in Go 1.23), {@code false} if it had already
     *     been stopped or its value received
     */
    public boolean stop() {
        lock.lock();
        try {
            return cancel();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the timer fire once after {@code d} from now: Go's {@code t.Reset(d)}.
     *
     * @param d the new delay
     * @return {@code true} if the timer was still pending when reset
     */
    public boolean reset(Duration d) {
        Objects.requireNonNull(d, "duration");
        lock.lock();
        try {
            boolean wasPending = cancel();
            schedule(d);
            return wasPending;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Call holding the lock. Stops the pending firing and drops an undelivered value (Go 1.23): true if
     * either was there, so "this call stopped a timer that had not delivered".
     */
    private boolean cancel() {
        generation++; // a firing already running for the old schedule sends nothing
        boolean drained = c.tryReceive() != null;
        ScheduledFuture<?> f = pending; // under the lock, non-null exactly while not yet fired
        pending = null;
        if (f != null) {
            f.cancel(false);
        }
        return f != null || drained;
    }

    private void schedule(Duration d) {
        long gen = generation;
        pending = Timers.SCHEDULER.schedule(() -> fire(gen), Math.max(0, Go.nanos(d)), TimeUnit.NANOSECONDS);
    }

    private void fire(long gen) {
        lock.lock();
        try {
            if (gen == generation) {
                pending = null;
                if (func == null) {
                    c.trySend(Instant.now());
                } else {
                    Go.go(func);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
