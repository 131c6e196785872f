package io.chanflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A ticker: Go's {@code time.Ticker}. Every period the current time is sent on {@link #c()}, a channel with a
 * buffer of one; a tick that finds the buffer full is dropped, so a slow receiver sees fewer ticks rather
 * than a backlog (as in Go).
 *
 * <p>After {@link #stop()} or {@link #reset(Duration)} returns, no tick from before the call can be received
 * (Go 1.23 semantics). Thread-safe; ticks come from the shared scheduler thread.
 */
public final class Ticker {
    private final Chan<Instant> c = new Chan<>(1);
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private ScheduledFuture<?> pending;
    /** Guarded by lock: bumped by stop and reset so a tick already running for the old schedule sends nothing. */
    private long generation;

    Ticker(Duration period) {
        lock.lock();
        try {
            schedule(period);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The channel the ticks arrive on: Go's {@code t.C}.
     *
     * @return the receive side of the ticker's channel
     */
    public ReceiveChannel<Instant> c() {
        return c;
    }

    /** Stops the ticker: Go's {@code t.Stop()}. No tick is sent after this returns. */
    public void stop() {
        lock.lock();
        try {
            cancel();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Restarts the ticker with a new period: Go's {@code t.Reset(d)}.
     *
     * @param period the new period, positive
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    public void reset(Duration period) {
        checkPeriod(period); // Go checks first: a bad reset leaves the ticker as it was
        lock.lock();
        try {
            cancel();
            schedule(period);
        } finally {
            lock.unlock();
        }
    }

    private void cancel() {
        generation++;
        c.tryReceive();
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private static long checkPeriod(Duration period) {
        Objects.requireNonNull(period, "period");
        long nanos = Go.nanos(period);
        if (nanos <= 0) {
            throw new IllegalArgumentException("non-positive interval for Ticker: " + period);
        }
        return nanos;
    }

    private void schedule(Duration period) {
        long nanos = checkPeriod(period);
        long gen = generation;
        pending = Timers.SCHEDULER.scheduleAtFixedRate(() -> tick(gen), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private void tick(long gen) {
        lock.lock();
        try {
            if (gen == generation) {
                c.trySend(Instant.now());
            }
        } finally {
            lock.unlock();
        }
    }
}
