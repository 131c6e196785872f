package io.chanflow.pattern;

import static io.chanflow.pattern.Patterns.assertCancelHalfWayEndsEveryGoroutine;
import static io.chanflow.pattern.Patterns.closeCause;
import static io.chanflow.pattern.Patterns.drain;
import static io.chanflow.pattern.Patterns.drainInto;
import static io.chanflow.pattern.Patterns.endless;
import static io.chanflow.pattern.Patterns.failingAfter;
import static io.chanflow.pattern.Patterns.failureOf;
import static io.chanflow.pattern.Patterns.next;
import static io.chanflow.pattern.Patterns.seededInts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.LeakCheckExtension;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batching, heartbeat, throttling and the rate limiters. Time is checked with generous bounds only: a lower
 * bound where the pattern must wait (it can only be slower), an upper bound of seconds where it must not.
 */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class TimedPatternsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    // batch ------------------------------------------------------------------------------------------

    @Test
    void batchSendsFullListsThenTheRestWhenTheInputCloses() throws Exception {
        List<Integer> input = seededInts(17, 1_000, 100);
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<List<Integer>> batches = drain(Pipeline.batch(ctx, Pipeline.generate(ctx, input), 7, LONG));
            List<Integer> flat = new ArrayList<>();
            batches.forEach(flat::addAll);
            assertThat(flat).isEqualTo(input);
            assertThat(batches.subList(0, batches.size() - 1)).allSatisfy(b -> assertThat(b).hasSize(7));
            assertThat(batches.get(batches.size() - 1)).hasSize(1_000 % 7);
        }
    }

    @Test
    void batchSendsAPartialListOnceItsFirstValueHasWaitedMaxWait() throws Exception {
        Duration maxWait = Duration.ofMillis(50);
        Channel<Integer> in = Channel.make();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<List<Integer>> out = Pipeline.batch(ctx, in, 100, maxWait);
            long start = System.nanoTime();
            in.send(1);
            in.send(2);
            in.send(3);
            assertThat(next(out)).containsExactly(1, 2, 3);   // the input is still open
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(maxWait);
            in.send(4);
            in.close();
            assertThat(drain(out)).containsExactly(List.of(4));
        }
    }

    @Test
    void batchSendsThePartialListThenPassesTheInputsCauseOn() throws Exception {
        IOException boom = new IOException("upstream");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<List<Integer>> got = new ArrayList<>();
            Throwable cause = drainInto(Pipeline.batch(ctx, failingAfter(ctx, List.of(1, 2, 3, 4, 5), boom), 2, LONG), got);
            assertThat(cause).isSameAs(boom);
            assertThat(got).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        }
    }

    @Test
    void batchStopsWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.batch(ctx, endless(ctx), 3, Duration.ofMillis(5)));
    }

    // heartbeat --------------------------------------------------------------------------------------

    @Test
    void heartbeatGivesTheSequentialResultForSeededInputs() throws Exception {
        List<Integer> input = seededInts(23, 500, 1000);
        List<Integer> expected = input.stream().map(x -> x * 3).toList();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Heartbeat<Integer> hb = Pipeline.heartbeat(ctx, Pipeline.generate(ctx, input), Duration.ofMillis(1), x -> x * 3);
            assertThat(drain(hb.values())).isEqualTo(expected);
            assertThat(closeCause(hb.pulses())).isNull();   // closed with the values
        }
    }

    @Test
    void heartbeatPulsesWhileTheWorkerWaits() throws Exception {
        Channel<Integer> idle = Channel.make();   // no input ever comes
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Heartbeat<Integer> hb = Pipeline.heartbeat(ctx, idle, Duration.ofMillis(5), x -> x);
            Instant first = next(hb.pulses());
            Instant second = next(hb.pulses());
            Instant third = next(hb.pulses());
            assertThat(second).isAfter(first);
            assertThat(third).isAfter(second);
        }
    }

    @Test
    void heartbeatPulsesStopWhileTheFunctionIsStuck() throws Exception {
        Channel<Object> inside = Channel.make();
        Channel<Object> release = Channel.make();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Heartbeat<Integer> hb = Pipeline.heartbeat(ctx, Pipeline.generate(ctx, 1), Duration.ofMillis(2), x -> {
                inside.close();
                release.receiveOk();
                return x;
            });
            inside.receiveOk();
            hb.pulses().tryReceive();   // a pulse from before it got stuck, if one is buffered
            assertThat(hb.pulses().tryReceive(Duration.ofMillis(50))).as("pulse while stuck").isNull();
            release.close();
            assertThat(drain(hb.values())).containsExactly(1);
        }
    }

    @Test
    void aHeartbeatWhoseFunctionThrowsClosesBothOutputsWithThatException() throws Exception {
        IllegalStateException boom = new IllegalStateException("worker died");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Heartbeat<Integer> hb = Pipeline.heartbeat(ctx, Pipeline.generate(ctx, 1, 2), Duration.ofMillis(1), x -> {
                throw boom;
            });
            assertThat(closeCause(hb.values())).isSameAs(boom);
            assertThat(closeCause(hb.pulses())).isSameAs(boom);
        }
    }

    @Test
    void heartbeatStopsWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(
                ctx -> Pipeline.heartbeat(ctx, endless(ctx), Duration.ofMillis(1), x -> x).values());
    }

    // throttle and the rate limiters -----------------------------------------------------------------

    @Test
    void throttleKeepsOrderAndPaceOfTheLimiter() throws Exception {
        List<Integer> input = seededInts(31, 11, 100);
        long start = System.nanoTime();
        try (CancelContext ctx = Context.withCancel(Context.background());
                RateLimiter limiter = RateLimiter.tokenBucket(Duration.ofMillis(20), 1)) {
            assertThat(drain(Pipeline.throttle(ctx, Pipeline.generate(ctx, input), limiter))).isEqualTo(input);
            // 11 permits from a bucket of 1 that earns one per 20 ms from its creation: 10 were earned.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void throttleStopsWhenCancelledHalfWay() throws Exception {
        try (RateLimiter limiter = RateLimiter.ticker(Duration.ofMillis(1))) {
            assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.throttle(ctx, endless(ctx), limiter));
        }
    }

    @Test
    void aTokenBucketAllowsItsBurstAtOnceThenOneTokenPerInterval() throws Exception {
        try (RateLimiter limiter = RateLimiter.tokenBucket(Duration.ofSeconds(10), 5)) {
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.tryAcquire()).as("permit %d of the burst", i).isTrue();
            }
            assertThat(limiter.tryAcquire()).isFalse();
        }
    }

    @Test
    void aTokenBucketGrantsWhatASequentialGcraModelGrantsForSeededArrivals() {
        long interval = TimeUnit.MILLISECONDS.toNanos(8);
        int burst = 4;
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiters.TokenBucket bucket = new RateLimiters.TokenBucket(interval, burst, now::get);
        // The model: the "theoretical arrival time" of GCRA, which is a token bucket in integer arithmetic.
        long tat = now.get();
        Random r = new Random(8080);
        int granted = 0;
        for (int i = 0; i < 5_000; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2L * r.nextInt(5)));   // 0..8 ms, exact quarters
            long t = now.get();
            long next = Math.max(tat, t) + interval;
            boolean model = next - t <= burst * interval;
            if (model) {
                tat = next;
                granted++;
            }
            assertThat(bucket.tryAcquire()).as("request %d at %d", i, t).isEqualTo(model);
        }
        assertThat(granted).isBetween(1_000, 4_999);   // the sequence exercised both answers
    }

    @Test
    void aTickerLimiterGivesOnePermitPerTick() throws Exception {
        long start = System.nanoTime();   // tick k comes no earlier than k periods after the ticker starts
        try (CancelContext ctx = Context.withCancel(Context.background());
                RateLimiter limiter = RateLimiter.ticker(Duration.ofMillis(20))) {
            for (int i = 0; i < 5; i++) {
                limiter.acquire(ctx);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void aWaitingAcquireGivesUpWhenItsContextIsDoneOrTheLimiterCloses() throws Exception {
        for (RateLimiter limiter : List.of(RateLimiter.tokenBucket(LONG, 1), RateLimiter.ticker(LONG))) {
            try (limiter) {
                limiter.tryAcquire();   // empties the bucket
                CancelContext ctx = Context.withCancel(Context.background());
                CompletableFuture<Throwable> cancelled = failureOf(() -> limiter.acquire(ctx));
                ctx.cancel();
                assertThat(cancelled.get()).isInstanceOf(ContextDoneException.class);

                CompletableFuture<Throwable> closed = failureOf(() -> limiter.acquire(Context.background()));
                limiter.close();
                assertThat(closed.get()).isInstanceOf(IllegalStateException.class).hasMessage("rate limiter closed");
                assertThatThrownBy(limiter::tryAcquire).isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
