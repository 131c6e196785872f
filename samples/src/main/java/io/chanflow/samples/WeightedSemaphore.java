package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.context.Context;
import io.chanflow.sync.Semaphore;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Weighted semaphore: tasks of weights 1, 2, 3, 1, 2 share a capacity of 3, each acquiring its weight
 * before it starts; acquiring the whole capacity waits for them all. Each task fills its own slot; the peak
 * is exactly 3. Neither Reactor nor RxJava has a weighted semaphore, so their forms admit tasks one by one
 * ({@code concatMap}) through Chanflow's {@link Semaphore}, blocking on a thread meant for blocking, and run
 * the admitted ones concurrently ({@code flatMap}).
 */
public final class WeightedSemaphore implements Sample {
    @Override
    public String name() {
        return "weighted-semaphore";
    }

    private static final long[] WEIGHTS = {1, 2, 3, 1, 2};
    private static final long CAPACITY = 3;

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Context ctx = Context.background();
        final long capacity = 3;
        var sem = new Semaphore(capacity);
        long[] weights = {1, 2, 3, 1, 2};
        String[] done = new String[weights.length];
        var mu = new ReentrantLock();
        var s = new Object() {
            long used, peak;
        };
        for (int i = 0; i < weights.length; i++) {
            int task = i;
            long w = weights[i];
            sem.acquire(ctx, w);
            go(() -> {
                try {
                    mu.lock();
                    s.used += w;
                    s.peak = Math.max(s.peak, s.used);
                    mu.unlock();
                    Thread.sleep(1); // work
                    mu.lock();
                    s.used -= w;
                    mu.unlock();
                    done[task] = String.format("task %d (weight %d) done", task, w);
                } finally {
                    sem.release(w);
                }
            });
        }
        sem.acquire(ctx, capacity); // wait for every task
        for (String d : done) {
            out.println(d);
        }
        out.printf("peak use %d of %d%n", s.peak, capacity);
    }

    @Override
    public void reactor(PrintStream out) {
        var sem = new Semaphore(CAPACITY);
        var usage = new Usage();
        String[] done = new String[WEIGHTS.length];
        Flux.range(0, WEIGHTS.length)
                .concatMap(task -> Mono.fromCallable(() -> {
                            sem.acquire(WEIGHTS[task]); // admit in order
                            return task;
                        })
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .flatMap(task -> Mono.delay(Duration.ofMillis(1)) // work
                        .doOnSubscribe(sub -> usage.enter(WEIGHTS[task]))
                        .doOnNext(t -> {
                            usage.exit(WEIGHTS[task]);
                            done[task] = String.format("task %d (weight %d) done", task, WEIGHTS[task]);
                        })
                        .doFinally(signal -> sem.release(WEIGHTS[task])))
                .blockLast();
        for (String d : done) {
            out.println(d);
        }
        out.printf("peak use %d of %d%n", usage.peak(), CAPACITY);
    }

    @Override
    public void rx(PrintStream out) {
        var sem = new Semaphore(CAPACITY);
        var usage = new Usage();
        String[] done = new String[WEIGHTS.length];
        Flowable.range(0, WEIGHTS.length)
                .concatMapSingle(task -> Single.fromCallable(() -> {
                            sem.acquire(WEIGHTS[task]); // admit in order
                            return task;
                        })
                        .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.io()))
                .flatMapSingle(task -> Single.timer(1, TimeUnit.MILLISECONDS) // work
                        .doOnSubscribe(d -> usage.enter(WEIGHTS[task]))
                        .doOnSuccess(t -> {
                            usage.exit(WEIGHTS[task]);
                            done[task] = String.format("task %d (weight %d) done", task, WEIGHTS[task]);
                        })
                        .doFinally(() -> sem.release(WEIGHTS[task])))
                .blockingLast();
        for (String d : done) {
            out.println(d);
        }
        out.printf("peak use %d of %d%n", usage.peak(), CAPACITY);
    }
}
