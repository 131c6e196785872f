package io.chanflow.samples;

import static io.chanflow.Go.after;
import static io.chanflow.Go.select;

import io.chanflow.Task;
import io.chanflow.context.Context;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retry with exponential backoff: fails twice, then succeeds; waits 1ms then 2ms, and gives up early if
 * the context is done. Reactor has this built in ({@code Retry.backoff}, with jitter off to print exact
 * delays); in RxJava it is {@code retryWhen} with a doubling timer.
 */
public final class RetryBackoff implements Sample {
    @Override
    public String name() {
        return "retry";
    }

    static void retry(PrintStream out, Context ctx, int attempts, Duration delay, Task op) throws Exception {
        for (int i = 1; ; i++) {
            try {
                op.run();
                out.printf("attempt %d: ok%n", i);
                return;
            } catch (Exception err) {
                if (i == attempts) {
                    throw err;
                }
                out.printf("attempt %d: %s; retrying in %dms%n", i, err.getMessage(), delay.toMillis());
            }
            select(
                    after(delay, () -> {}),
                    ctx.done().onDone(() -> {}));
            ctx.throwIfDone();
            delay = delay.multipliedBy(2);
        }
    }

    /** An operation that fails twice, then succeeds. */
    static Task op(AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() < 3) {
                throw new Exception("connection refused");
            }
        };
    }

    @Override
    public void channels(PrintStream out) {
        var calls = new AtomicInteger();
        try {
            retry(out, Context.background(), 5, Duration.ofMillis(1), op(calls));
        } catch (Exception err) {
            out.println("gave up: " + err.getMessage());
        }
    }

    @Override
    public void reactor(PrintStream out) {
        var calls = new AtomicInteger();
        Task op = op(calls);
        Mono.fromCallable(() -> {
                    op.run();
                    return calls.get();
                })
                .retryWhen(Retry.backoff(4, Duration.ofMillis(1)).jitter(0)
                        .doBeforeRetry(s -> out.printf("attempt %d: %s; retrying in %dms%n",
                                s.totalRetries() + 1, s.failure().getMessage(), 1L << s.totalRetries())))
                .doOnNext(attempt -> out.printf("attempt %d: ok%n", attempt))
                .onErrorResume(err -> Mono.fromRunnable(() -> out.println("gave up: " + err.getMessage())))
                .block();
    }

    @Override
    public void rx(PrintStream out) {
        var calls = new AtomicInteger();
        Task op = op(calls);
        Completable.fromAction(op::run)
                .retryWhen(errors -> errors.zipWith(Flowable.range(1, 4), (err, attempt) -> {
                            long delay = 1L << (attempt - 1);
                            out.printf("attempt %d: %s; retrying in %dms%n", attempt, err.getMessage(), delay);
                            return delay;
                        })
                        .concatMap(delay -> Flowable.timer(delay, TimeUnit.MILLISECONDS)))
                .doOnComplete(() -> out.printf("attempt %d: ok%n", calls.get()))
                .onErrorComplete(err -> {
                    out.println("gave up: " + err.getMessage());
                    return true;
                })
                .blockingAwait();
    }
}
