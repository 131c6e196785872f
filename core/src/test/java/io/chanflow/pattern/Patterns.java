package io.chanflow.pattern;

import static io.chanflow.Go.after;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Go;
import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.Task;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Helpers shared by the pattern tests: draining a channel with a time limit, sources that fail, and the one
 * "cancelled half way" check every pattern goes through.
 */
final class Patterns {
    private Patterns() {}

    /** How long a test waits for something that should happen promptly before it calls it a hang. */
    static final Duration PATIENCE = Duration.ofSeconds(20);
    /** How long goroutines get to end after a cancel before they count as leaked. */
    static final Duration GRACE = Duration.ofSeconds(5);

    /** Receives every value until {@code ch} closes normally; fails if it closes with a cause or hangs. */
    static <T> List<T> drain(ReceiveChannel<T> ch) throws InterruptedException {
        List<T> values = new ArrayList<>();
        Throwable cause = drainInto(ch, values);
        if (cause != null) {
            throw new AssertionError("closed with a cause after " + values, cause);
        }
        return values;
    }

    /** Receives until {@code ch} closes, dropping the values; returns its close cause ({@code null}: normal). */
    static Throwable closeCause(ReceiveChannel<?> ch) throws InterruptedException {
        return drainInto(ch, new ArrayList<>());
    }

    /** Receives into {@code values} until {@code ch} closes; returns its close cause. */
    static <T> Throwable drainInto(ReceiveChannel<T> ch, List<T> values) throws InterruptedException {
        while (true) {
            Received<T> r = select(ch.onReceiveOk(x -> x), after(PATIENCE, () -> null));
            if (r == null) {
                throw new AssertionError(ch + " neither sent nor closed in " + PATIENCE + " after " + values
                        + "\n" + Goroutines.dump());
            }
            if (!r.ok()) {
                return Stage.closeCause(ch);
            }
            values.add(r.value());
        }
    }

    /** Receives one value, failing if none comes in time. */
    static <T> T next(ReceiveChannel<T> ch) throws InterruptedException {
        T v = ch.tryReceive(PATIENCE);
        assertThat(v).as("a value from %s within %s", ch, PATIENCE).isNotNull();
        return v;
    }

    /** A source that sends {@code values}, then closes with {@code cause}. */
    static <T> ReceiveChannel<T> failingAfter(Context ctx, List<T> values, Exception cause) {
        return Pipeline.produce(ctx, out -> {
            for (T v : values) {
                out.emit(v);
            }
            throw cause;
        });
    }

    /** An endless source: 1, 2, 3, ... */
    static ReceiveChannel<Integer> endless(Context ctx) {
        AtomicInteger n = new AtomicInteger();
        return Pipeline.repeatFn(ctx, n::incrementAndGet);
    }

    /** {@code n} ints from a generator seeded with {@code seed}. */
    static List<Integer> seededInts(long seed, int n, int bound) {
        Random r = new Random(seed);
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(r.nextInt(bound));
        }
        return values;
    }

    /** Spins a little, so that workers finish out of order without sleeping. */
    static void jitter(int amount) {
        for (int i = 0; i < amount; i++) {
            Thread.onSpinWait();
            if (i % 64 == 0) {
                Thread.yield();
            }
        }
    }

    /**
     * The cancellation rule: runs {@code pattern} under a fresh context (on endless sources it builds
     * itself), receives a few values, cancels, and checks that the output closes with the
     * {@link ContextDoneException} and that every goroutine started since (by the pattern and its sources)
     * has ended.
     */
    static void assertCancelHalfWayEndsEveryGoroutine(Function<Context, ReceiveChannel<?>> pattern)
            throws InterruptedException {
        Goroutines.Snapshot before = Goroutines.snapshot();
        CancelContext ctx = Context.withCancel(Context.background());
        ReceiveChannel<?> out = pattern.apply(ctx);
        for (int i = 0; i < 3; i++) {
            next(out);
        }
        ctx.cancel();
        assertThat(closeCause(out)).isInstanceOf(ContextDoneException.class);
        Goroutines.verifyNoLeaks(before, GRACE);
    }

    /** Runs {@code task} on a goroutine; the future completes with what it threw ({@code null}: nothing). */
    static CompletableFuture<Throwable> failureOf(Task task) {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        Go.go(() -> {
            try {
                task.run();
                f.complete(null);
            } catch (Throwable e) {
                f.complete(e);
            }
        });
        return f;
    }
}
