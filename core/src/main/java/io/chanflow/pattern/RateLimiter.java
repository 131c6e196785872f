package io.chanflow.pattern;

import io.chanflow.Go;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.time.Duration;

/**
 * A rate limiter: at most one permit per interval on average, as in Go's
 * {@code for req := range requests { <-limiter; handle(req) }}.
 *
 * <ul>
 *   <li>{@link #ticker(Duration)} is Go's {@code time.Tick} limiter: a permit is a tick. No burst: after an
 *       idle spell at most one permit is ready (the ticker keeps one tick and drops the rest).</li>
 *   <li>{@link #tokenBucket(Duration, int)} is Go's "bursty limiter" (and {@code x/time/rate}): a bucket of
 *       {@code burst} tokens, full at the start, refilled with one token per interval; a caller takes one
 *       token, waiting only when the bucket is empty. It needs no goroutine and no timer: the tokens are
 *       computed from the time that passed.</li>
 * </ul>
 *
 * <p>Thread-safe: any number of goroutines may acquire at once; each permit goes to one of them. Use
 * {@link Pipeline#throttle} to pace a channel.
 */
public interface RateLimiter extends AutoCloseable {

    /**
     * Waits for a permit.
     *
     * @param ctx gives up when done
     * @throws ContextDoneException if {@code ctx} is done first; no permit is used up
     * @throws InterruptedException if interrupted first; no permit is used up
     * @throws IllegalStateException if the limiter is closed
     */
    void acquire(Context ctx) throws InterruptedException;

    /**
     * Takes a permit if one is ready now (Go's {@code rate.Limiter.Allow}).
     *
     * @return whether a permit was taken
     * @throws IllegalStateException if the limiter is closed
     */
    boolean tryAcquire();

    /** Releases the limiter's resources (the ticker); later acquires fail, waiting ones are woken. Idempotent. */
    @Override
    void close();

    /**
     * A limiter whose permits are the ticks of a {@link Go#tick ticker}: the first permit is ready
     * {@code interval} after this call. Close it to stop the ticker.
     *
     * @param interval the time between permits, positive
     * @return the limiter
     */
    static RateLimiter ticker(Duration interval) {
        Pipeline.requirePositive(interval, "interval");
        return new RateLimiters.TickerLimiter(interval);
    }

    /**
     * A token-bucket limiter: up to {@code burst} permits at once, one more every {@code interval}. The
     * bucket starts full. Waiters are served in the order they asked ({@link #acquire} reserves a token,
     * possibly in the future, and sleeps until then; a waiter that gives up returns its reservation).
     *
     * @param interval the time to earn one token, positive
     * @param burst the bucket size, at least 1
     * @return the limiter
     */
    static RateLimiter tokenBucket(Duration interval, int burst) {
        Pipeline.requirePositive(interval, "interval");
        Pipeline.requirePositive(burst, "burst");
        return new RateLimiters.TokenBucket(interval.toNanos(), burst, System::nanoTime);
    }
}
