package io.chanflow.samples;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Circuit breaker: 2 consecutive failures open it; calls then fail fast; after a 20ms cool-down the next
 * call is a trial that, succeeding, closes it. Deterministic: calls are sequential and the wait is at
 * least the cool-down. Go's breaker is a struct under a mutex; here a class under a ReentrantLock (the
 * README's table: sync.Mutex is ReentrantLock), which the reactive forms share, wrapping each call in
 * {@code defer}: ask the breaker, then report the outcome.
 */
public final class CircuitBreaker implements Sample {
    @Override
    public String name() {
        return "circuit-breaker";
    }

    static final int THRESHOLD = 2;
    static final Duration COOL_DOWN = Duration.ofMillis(20);

    static final class OpenException extends Exception {
        OpenException() {
            super("circuit open", null, false, false);
        }
    }

    static final class Breaker {
        private final ReentrantLock mu = new ReentrantLock();
        private int failures;
        private long openedAt; // System.nanoTime(), 0 while closed

        /** Whether a call may go through now: closed, or half-open after the cool-down. */
        boolean allow() {
            mu.lock();
            try {
                return openedAt == 0 || System.nanoTime() - openedAt >= COOL_DOWN.toNanos();
            } finally {
                mu.unlock();
            }
        }

        void record(boolean ok) {
            mu.lock();
            try {
                if (ok) {
                    failures = 0;
                    openedAt = 0;
                } else if (++failures >= THRESHOLD) {
                    openedAt = System.nanoTime();
                }
            } finally {
                mu.unlock();
            }
        }

        void call(Callable<?> f) throws Exception {
            if (!allow()) {
                throw new OpenException();
            }
            try {
                f.call();
            } catch (Exception e) {
                record(false);
                throw e;
            }
            record(true);
        }
    }

    /** A service that is down for its first two calls. */
    static Callable<Void> service() {
        var calls = new AtomicInteger();
        return () -> {
            if (calls.incrementAndGet() <= 2) {
                throw new Exception("service unavailable");
            }
            return null;
        };
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        var service = service();
        var b = new Breaker();
        for (int i = 1; i <= 6; i++) {
            if (i == 5) {
                out.println("cool-down");
                Thread.sleep(COOL_DOWN);
            }
            try {
                b.call(service);
                out.printf("call %d: ok%n", i);
            } catch (Exception err) {
                out.printf("call %d: %s%n", i, err.getMessage());
            }
        }
    }

    @Override
    public void reactor(PrintStream out) {
        var service = service();
        var b = new Breaker();
        Mono<Void> call = Mono.defer(() -> b.allow()
                ? Mono.fromCallable(service).doOnSuccess(v -> b.record(true)).doOnError(e -> b.record(false))
                : Mono.error(new OpenException()));
        Flux.range(1, 6)
                .concatMap(i -> (i == 5 ? Mono.fromRunnable(() -> out.println("cool-down")).then(Mono.delay(COOL_DOWN))
                                : Mono.empty())
                        .then(call)
                        .thenReturn("call " + i + ": ok")
                        .onErrorResume(err -> Mono.just("call " + i + ": " + err.getMessage())))
                .doOnNext(out::println)
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        var service = service();
        var b = new Breaker();
        Completable call = Completable.defer(() -> b.allow()
                ? Completable.fromCallable(service).doOnComplete(() -> b.record(true)).doOnError(e -> b.record(false))
                : Completable.error(new OpenException()));
        Flowable.range(1, 6)
                .concatMapSingle(i -> (i == 5
                                ? Completable.fromRunnable(() -> out.println("cool-down"))
                                        .andThen(Completable.timer(COOL_DOWN.toMillis(), TimeUnit.MILLISECONDS))
                                : Completable.complete())
                        .andThen(call)
                        .toSingleDefault("call " + i + ": ok")
                        .onErrorReturn(err -> "call " + i + ": " + err.getMessage()))
                .doOnNext(out::println) // in line with "cool-down"
                .blockingLast();
    }
}
