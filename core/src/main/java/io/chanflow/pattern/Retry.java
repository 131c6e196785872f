package io.chanflow.pattern;

import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Retry with exponential backoff, context-aware: a failed attempt is retried after a delay that grows by
 * {@code multiplier} each time, up to {@code maxDelay}, optionally shortened by a random jitter so that many
 * clients retrying together spread out.
 *
 * <pre>{@code
 * Retry retry = Retry.backoff(Duration.ofMillis(100), Duration.ofSeconds(5)).maxAttempts(6).jitter(0.5);
 * Page p = retry.call(ctx, () -> fetch(url));
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The delay before retry {@code k} (k = 1 after the first failure) is
 *       {@code min(maxDelay, initialDelay * multiplier^(k-1))}, then, with jitter {@code j}, multiplied by a
 *       uniform random factor in {@code (1 - j, 1]}.</li>
 *   <li>At most {@code maxAttempts} attempts. When they are used up, or an exception is not
 *       {@linkplain #retryIf retryable}, the last exception is thrown with the earlier attempts' exceptions
 *       added as suppressed.</li>
 *   <li>Cancellation is never retried: an {@link InterruptedException} or {@link CancellationException}
 *       (so a {@link ContextDoneException}), or any exception once {@code ctx} is done, is thrown at once.
 *       When {@code ctx} is done during a delay, the {@link ContextDoneException} is thrown, with the last
 *       attempt's exception added as suppressed. No attempt starts once {@code ctx} is done.</li>
 *   <li>Attempts run on the calling thread, one after another; the delays are context-aware sleeps. A
 *       {@code Retry} is immutable and may be shared; with a caller-supplied random generator, that generator
 *       must be thread-safe if the {@code Retry} is ({@link java.util.Random} is).</li>
 * </ul>
 */
public final class Retry {
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final int maxAttempts;
    private final double jitter;
    /** Null: ThreadLocalRandom, looked up at each use. */
    private final RandomGenerator random;
    private final Predicate<? super Throwable> retryable;

    private Retry(Duration initialDelay, Duration maxDelay, double multiplier, int maxAttempts, double jitter,
            RandomGenerator random, Predicate<? super Throwable> retryable) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.multiplier = multiplier;
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
        this.random = random;
        this.retryable = retryable;
    }

    /**
     * Exponential backoff from {@code initialDelay} up to {@code maxDelay}, doubling, at most 5 attempts,
     * no jitter, every exception retryable (but cancellation).
     *
     * @param initialDelay the delay before the first retry, positive
     * @param maxDelay the largest delay, at least {@code initialDelay}
     * @return the policy
     */
    public static Retry backoff(Duration initialDelay, Duration maxDelay) {
        Pipeline.requirePositive(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " < initialDelay " + initialDelay);
        }
        return new Retry(initialDelay, maxDelay, 2.0, 5, 0.0, null, e -> true);
    }

    /**
     * This policy with another attempt limit.
     *
     * @param n attempts in all (the first one included), at least 1
     * @return the new policy
     */
    public Retry maxAttempts(int n) {
        Pipeline.requirePositive(n, "maxAttempts");
        return new Retry(initialDelay, maxDelay, multiplier, n, jitter, random, retryable);
    }

    /**
     * This policy with another growth factor.
     *
     * @param factor each delay is the previous one times this, at least 1
     * @return the new policy
     */
    public Retry multiplier(double factor) {
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("multiplier must be finite and at least 1: " + factor);
        }
        return new Retry(initialDelay, maxDelay, factor, maxAttempts, jitter, random, retryable);
    }

    /**
     * This policy with jitter from {@link ThreadLocalRandom}.
     *
     * @param fraction how much of each delay may be taken off at random, from 0 (none) to 1 ("full jitter")
     * @return the new policy
     */
    public Retry jitter(double fraction) {
        return jitter(fraction, null);
    }

    /**
     * This policy with jitter from {@code random} (seed it for reproducible delays).
     *
     * @param fraction how much of each delay may be taken off at random, from 0 to 1
     * @param random the generator, or {@code null} for {@link ThreadLocalRandom}
     * @return the new policy
     */
    public Retry jitter(double fraction, RandomGenerator random) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("jitter must be within [0, 1]: " + fraction);
        }
        return new Retry(initialDelay, maxDelay, multiplier, maxAttempts, fraction, random, retryable);
    }

    /**
     * This policy, retrying only exceptions that {@code test} accepts (cancellation never is).
     *
     * @param test whether an exception is worth another attempt
     * @return the new policy
     */
    public Retry retryIf(Predicate<? super Throwable> test) {
        Objects.requireNonNull(test, "test");
        return new Retry(initialDelay, maxDelay, multiplier, maxAttempts, jitter, random, test);
    }

    /**
     * Runs {@code attempt} until it succeeds, as the class description says.
     *
     * @param ctx stops retrying when done
     * @param attempt one attempt
     * @param <T> the result type
     * @return what the successful attempt returned
     * @throws ContextDoneException if {@code ctx} is done before an attempt or during a delay
     * @throws Exception the last attempt's exception, when retrying stops
     */
    public <T> T call(Context ctx, Callable<? extends T> attempt) throws Exception {
        Objects.requireNonNull(attempt, "attempt");
        List<Throwable> failures = new ArrayList<>();
        for (int n = 1; ; n++) {
            ctx.throwIfDone();
            try {
                return attempt.call();
            } catch (Throwable e) {
                boolean cancelled = e instanceof InterruptedException || e instanceof CancellationException
                        || ctx.err() != null;
                if (cancelled || n >= maxAttempts || !retryable.test(e)) {
                    failures.forEach(earlier -> suppress(e, earlier));
                    throw e;
                }
                failures.add(e);
            }
            try {
                ctx.sleep(delayBefore(n));
            } catch (ContextDoneException e) {
                suppress(e, failures.get(failures.size() - 1));
                throw e;
            }
        }
    }

    /**
     * The delay before retry {@code k}, jitter included.
     *
     * @param k the retry, from 1 (after the first failed attempt)
     * @return the delay
     */
    Duration delayBefore(int k) {
        double base = initialDelay.toNanos() * Math.pow(multiplier, k - 1);
        double nanos = Math.min(maxDelay.toNanos(), base);
        if (jitter > 0) {
            RandomGenerator r = random != null ? random : ThreadLocalRandom.current();
            nanos *= 1.0 - jitter * r.nextDouble();
        }
        return Duration.ofNanos(Math.max(0, (long) nanos));
    }

    private static void suppress(Throwable into, Throwable earlier) {
        if (into != earlier) {
            into.addSuppressed(earlier);
        }
    }

    @Override
    public String toString() {
        return "Retry[" + initialDelay + ".." + maxDelay + " x" + multiplier + ", attempts=" + maxAttempts
                + ", jitter=" + jitter + "]";
    }
}
