package io.chanflow.pattern;

import static io.chanflow.pattern.Patterns.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chanflow.Channel;
import io.chanflow.Go;
import io.chanflow.LeakCheckExtension;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.pattern.CircuitBreaker.State;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The circuit breaker (on a fake clock) and retry with backoff. */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class ResilienceTest {

    private static final Duration COOL_DOWN = Duration.ofSeconds(10);
    private static final IOException DOWN = new IOException("dependency down");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Context ctx = Context.background();

    private CircuitBreaker breaker(int threshold, int trials) {
        return new CircuitBreaker(threshold, COOL_DOWN, trials, now::get);
    }

    private void pass(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static Object fail() throws IOException {
        throw DOWN;
    }

    // Circuit breaker --------------------------------------------------------------------------------

    @Test
    void theBreakerOpensAfterThresholdConsecutiveFailuresAndThenRefusesWithoutCalling() throws Exception {
        CircuitBreaker b = breaker(3, 1);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> b.call(ctx, ResilienceTest::fail)).isSameAs(DOWN);
        }
        assertThat(b.call(ctx, () -> "ok")).isEqualTo("ok");   // a success resets the count
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> b.call(ctx, ResilienceTest::fail)).isSameAs(DOWN);
        }
        assertThat(b.state()).isEqualTo(State.CLOSED);
        assertThatThrownBy(() -> b.call(ctx, ResilienceTest::fail)).isSameAs(DOWN);
        assertThat(b.state()).isEqualTo(State.OPEN);

        AtomicInteger calls = new AtomicInteger();
        pass(Duration.ofSeconds(4));
        assertThatThrownBy(() -> b.call(ctx, calls::incrementAndGet))
                .isInstanceOfSatisfying(CircuitOpenException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(6)));
        assertThat(calls.get()).isZero();
    }

    @Test
    void afterTheCoolDownOneTrialCallClosesTheBreakerOrReopensIt() throws Exception {
        CircuitBreaker b = breaker(1, 1);
        assertThatThrownBy(() -> b.call(ctx, ResilienceTest::fail)).isSameAs(DOWN);
        pass(COOL_DOWN);
        assertThat(b.state()).isEqualTo(State.HALF_OPEN);
        assertThatThrownBy(() -> b.call(ctx, ResilienceTest::fail)).isSameAs(DOWN);   // the trial fails
        assertThat(b.state()).isEqualTo(State.OPEN);                                   // for a whole cool-down
        pass(COOL_DOWN.minusNanos(1));
        assertThat(b.state()).isEqualTo(State.OPEN);
        pass(Duration.ofNanos(1));
        assertThat(b.call(ctx, () -> 42)).isEqualTo(42);                               // the trial succeeds
        assertThat(b.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void halfOpenLetsOnlyTrialCallsThroughAndClosesWhenAllSucceed() throws Exception {
        CircuitBreaker b = breaker(1, 2);
        assertThatThrownBy(() -> b.call(ctx, ResilienceTest::fail)).isSameAs(DOWN);
        pass(COOL_DOWN);
        Channel<Object> release = Channel.make();
        AtomicInteger inside = new AtomicInteger();
        List<CompletableFuture<Throwable>> trials = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            trials.add(Patterns.failureOf(() -> b.call(ctx, () -> {
                inside.incrementAndGet();
                return release.receiveOk();
            })));
        }
        await().atMost(PATIENCE).until(() -> inside.get() == 2);
        assertThatThrownBy(() -> b.call(ctx, () -> "third")).isInstanceOf(CircuitOpenException.class);
        release.close();
        for (CompletableFuture<Throwable> t : trials) {
            assertThat(t.get()).isNull();
        }
        assertThat(b.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void cancellationIsNotCountedAsAFailure() throws Exception {
        CircuitBreaker b = breaker(1, 1);
        try (CancelContext c = Context.withCancel(Context.background())) {
            assertThatThrownBy(() -> b.call(c, () -> {
                c.cancel();
                c.throwIfDone();
                return null;
            })).isInstanceOf(ContextDoneException.class);
            assertThat(b.state()).isEqualTo(State.CLOSED);
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> b.call(c, calls::incrementAndGet)).isInstanceOf(ContextDoneException.class);
            assertThat(calls.get()).isZero();
        }
        assertThatThrownBy(() -> b.call(ctx, () -> {
            throw new InterruptedException();
        })).isInstanceOf(InterruptedException.class);
        assertThat(b.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void aLateOutcomeFromAnEarlierStateIsIgnored() throws Exception {
        CircuitBreaker b = breaker(1, 1);
        Channel<Object> release = Channel.make();
        Channel<Object> admitted = Channel.make();
        CompletableFuture<Throwable> slow = Patterns.failureOf(() -> b.call(ctx, () -> {
            admitted.close();
            return release.receiveOk();   // admitted while CLOSED
        }));
        admitted.receiveOk();
        assertThatThrownBy(() -> b.call(ctx, ResilienceTest::fail)).isSameAs(DOWN);   // opens it
        pass(COOL_DOWN);
        assertThat(b.state()).isEqualTo(State.HALF_OPEN);
        release.close();
        assertThat(slow.get()).isNull();                    // succeeded, but as a CLOSED-state call
        assertThat(b.state()).isEqualTo(State.HALF_OPEN);   // so it is not the trial that closes it
    }

    @Test
    void theBreakerAgreesWithASequentialModelForSeededOutcomes() throws Exception {
        int threshold = 3;
        CircuitBreaker b = breaker(threshold, 1);
        // The model, stepped on the same outcomes and clock.
        State state = State.CLOSED;
        int failures = 0;
        long openedAt = 0;
        Random r = new Random(1234);
        for (int i = 0; i < 5_000; i++) {
            pass(Duration.ofMillis(r.nextInt(4_000)));
            boolean ok = r.nextInt(10) < 6;
            if (state == State.OPEN && now.get() - openedAt >= COOL_DOWN.toNanos()) {
                state = State.HALF_OPEN;
            }
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try {
                b.call(ctx, () -> ok ? "ok" : fail());
            } catch (Throwable e) {
                thrown.set(e);
            }
            if (state == State.OPEN) {
                assertThat(thrown.get()).as("step %d", i).isInstanceOf(CircuitOpenException.class);
            } else {
                assertThat(thrown.get()).as("step %d", i).isEqualTo(ok ? null : DOWN);
                if (ok) {
                    state = State.CLOSED;
                    failures = 0;
                } else if (state == State.HALF_OPEN || ++failures >= threshold) {
                    state = State.OPEN;
                    openedAt = now.get();
                    failures = 0;
                }
            }
            assertThat(b.state()).as("step %d", i).isEqualTo(
                    state == State.OPEN && now.get() - openedAt >= COOL_DOWN.toNanos() ? State.HALF_OPEN : state);
        }
    }

    // Retry ------------------------------------------------------------------------------------------

    @Test
    void retryReturnsTheFirstSuccessAfterBackingOff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retry.backoff(Duration.ofMillis(10), Duration.ofSeconds(1));
        long start = System.nanoTime();
        String got = retry.call(ctx, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("flaky");
            }
            return "done";
        });
        assertThat(got).isEqualTo("done");
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));   // 10 + 20
    }

    @Test
    void retryGivesUpAfterMaxAttemptsWithTheLastFailureAndTheEarlierOnesSuppressed() {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retry.backoff(Duration.ofMillis(1), Duration.ofMillis(2)).maxAttempts(4);
        assertThatThrownBy(() -> retry.call(ctx, () -> {
            throw new IOException("attempt " + attempts.incrementAndGet());
        })).hasMessage("attempt 4").satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("attempt 1", "attempt 2", "attempt 3"));
    }

    @Test
    void retryDoesNotRetryWhatIsNotRetryableNorCancellation() {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retry.backoff(Duration.ofMillis(1), Duration.ofMillis(1))
                .retryIf(e -> e instanceof IOException);
        assertThatThrownBy(() -> retry.call(ctx, () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad request");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts.getAndSet(0)).isEqualTo(1);
        assertThatThrownBy(() -> retry.call(ctx, () -> {
            attempts.incrementAndGet();
            throw new ContextDoneException(io.chanflow.context.ContextError.CANCELED, null);
        })).isInstanceOf(ContextDoneException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void cancellingDuringABackoffDelayStopsRetryingAtOnce() throws Exception {
        CancelContext c = Context.withCancel(Context.background());
        Retry retry = Retry.backoff(Duration.ofSeconds(30), Duration.ofSeconds(30));
        IOException first = new IOException("first");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread g = Go.go(() -> {
            try {
                retry.call(c, () -> {
                    throw first;
                });
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        // The goroutine parks only in the backoff delay.
        await().atMost(PATIENCE).until(() -> g.getState() == Thread.State.WAITING || g.getState() == Thread.State.TIMED_WAITING);
        c.cancel();
        Throwable e = outcome.get(10, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(ContextDoneException.class);
        assertThat(e.getSuppressed()).containsExactly(first);
    }

    @Test
    void backoffDelaysGrowByTheMultiplierUpToTheCapAndJitterStaysInItsBand() {
        Retry plain = Retry.backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).multiplier(3);
        assertThat(List.of(plain.delayBefore(1), plain.delayBefore(2), plain.delayBefore(3), plain.delayBefore(9)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofSeconds(1));

        Retry jittered = plain.jitter(0.5, new Random(99));
        Retry sameSeed = plain.jitter(0.5, new Random(99));
        for (int k = 1; k <= 200; k++) {
            Duration base = plain.delayBefore(Math.min(k, 10));
            Duration d = jittered.delayBefore(Math.min(k, 10));
            assertThat(d).isGreaterThan(base.dividedBy(2)).isLessThanOrEqualTo(base);
            assertThat(sameSeed.delayBefore(Math.min(k, 10))).isEqualTo(d);   // seeded: reproducible
        }
    }
}
