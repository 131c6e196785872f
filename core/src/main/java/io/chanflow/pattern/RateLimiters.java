package io.chanflow.pattern;

import static io.chanflow.Go.select;

import io.chanflow.DoneChannel;
import io.chanflow.Go;
import io.chanflow.Ticker;
import io.chanflow.context.Context;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/** The two {@link RateLimiter} implementations. */
final class RateLimiters {
    private RateLimiters() {}

    /** Permits are the ticks of a ticker. */
    static final class TickerLimiter implements RateLimiter {
        private final Ticker ticker;
        private final DoneChannel closed = DoneChannel.make();

        TickerLimiter(Duration interval) {
            this.ticker = Go.tick(interval);
        }

        @Override
        public void acquire(Context ctx) throws InterruptedException {
            boolean got = select(
                    ticker.c().onReceive(tick -> true),
                    closed.onDone(() -> false),
                    ctx.done().onDone(() -> {
                        throw Stage.doneException(ctx);
                    }));
            if (!got) {
                throw new IllegalStateException("rate limiter closed");
            }
        }

        @Override
        public boolean tryAcquire() {
            if (closed.isDone()) {
                throw new IllegalStateException("rate limiter closed");
            }
            return ticker.c().tryReceive() != null;
        }

        @Override
        public void close() {
            if (closed.tryClose()) {
                ticker.stop();
            }
        }

        @Override
        public String toString() {
            return "RateLimiter.ticker" + (closed.isDone() ? "[closed]" : "");
        }
    }

    /**
     * The bucket as a number: {@code tokens} at time {@code last}, earning one per {@code interval}. A
     * reservation may drive it negative: {@code -tokens} waiters are queued, the k-th one until the time
     * its token is earned.
     */
    static final class TokenBucket implements RateLimiter {
        private final long interval;
        private final int burst;
        private final LongSupplier clock;
        private final ReentrantLock lock = new ReentrantLock();
        /** Guarded by lock: tokens at {@code last}, at most {@code burst}, negative when reserved ahead. */
        private double tokens;
        /** Guarded by lock. */
        private long last;
        private final DoneChannel closed = DoneChannel.make();

        TokenBucket(long intervalNanos, int burst, LongSupplier nanoClock) {
            this.interval = intervalNanos;
            this.burst = burst;
            this.clock = nanoClock;
            this.tokens = burst;
            this.last = nanoClock.getAsLong();
        }

        @Override
        public void acquire(Context ctx) throws InterruptedException {
            ctx.throwIfDone();
            long wait = reserve(false);
            if (wait <= 0) {
                return;
            }
            boolean slept;
            try {
                slept = select(Go.after(Duration.ofNanos(wait), () -> true), closed.onDone(() -> false),
                        ctx.done().onDone(() -> false));
            } catch (InterruptedException e) {
                unreserve();
                throw e;
            }
            if (!slept) {
                unreserve();
                ctx.throwIfDone();
                throw new IllegalStateException("rate limiter closed");
            }
        }

        @Override
        public boolean tryAcquire() {
            return reserve(true) == 0;
        }

        /**
         * Takes a token now, or reserves the next one to be earned.
         *
         * @param onlyIfReady take nothing unless a whole token is there now
         * @return 0 if a token was taken now; else nanoseconds until the reserved token is earned, or -1
         *     when {@code onlyIfReady} and none is ready
         */
        private long reserve(boolean onlyIfReady) {
            if (closed.isDone()) {
                throw new IllegalStateException("rate limiter closed");
            }
            lock.lock();
            try {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return 0;
                }
                if (onlyIfReady) {
                    return -1;
                }
                tokens -= 1;
                return Math.max(1, (long) Math.ceil(-tokens * interval));
            } finally {
                lock.unlock();
            }
        }

        /** Gives back a reservation that was not used. */
        private void unreserve() {
            lock.lock();
            try {
                refill();
                tokens = Math.min(burst, tokens + 1);
            } finally {
                lock.unlock();
            }
        }

        /** Call only holding lock. */
        private void refill() {
            long now = clock.getAsLong();
            tokens = Math.min(burst, tokens + (double) (now - last) / interval);
            last = now;
        }

        @Override
        public void close() {
            closed.tryClose();
        }

        @Override
        public String toString() {
            return "RateLimiter.tokenBucket[burst=" + burst + (closed.isDone() ? ", closed" : "") + "]";
        }
    }
}
