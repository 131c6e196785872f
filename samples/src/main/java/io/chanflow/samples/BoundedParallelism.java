package io.chanflow.samples;


import io.chanflow.Channel;
import io.chanflow.sync.WaitGroup;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounded parallelism: a goroutine per task, at most three at once thanks to a buffered channel used as a
 * semaphore. Tasks finish in any order, so the sizes are summed, and the peak concurrency is checked
 * against the limit. The reactive forms bound {@code flatMap}'s concurrency to 3.
 */
public final class BoundedParallelism implements Sample {
    @Override
    public String name() {
        return "bounded-parallelism";
    }

    private static final Object TOKEN = new Object(); // Go's struct{}{}

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        final int limit = 3;
        Channel<Object> sem = Channel.make(limit);
        var wg = new WaitGroup();
        var mu = new ReentrantLock();
        var s = new Object() {
            int running, peak, total;
        };
        for (int i = 1; i <= 12; i++) {
            int file = i;
            wg.go(() -> {
                sem.send(TOKEN); // acquire a slot
                try {
                    mu.lock();
                    s.running++;
                    s.peak = Math.max(s.peak, s.running);
                    mu.unlock();
                    Thread.sleep(2); // "read" the file
                    int size = 80 + file * 2;
                    mu.lock();
                    s.running--;
                    s.total += size;
                    mu.unlock();
                } finally {
                    sem.receive(); // release it
                }
            });
        }
        wg.await();
        out.printf("12 files, %d bytes%n", s.total);
        out.println("at most 3 at once: " + (s.peak <= limit));
    }

    @Override
    public void reactor(PrintStream out) {
        var usage = new Usage();
        int total = Flux.range(1, 12)
                .flatMap(file -> Mono.delay(Duration.ofMillis(2)) // "read" the file
                        .map(t -> 80 + file * 2)
                        .doOnSubscribe(sub -> usage.enter(1))
                        .doOnTerminate(() -> usage.exit(1)), 3) // before flatMap starts the next
                .reduce(0, Integer::sum)
                .block();
        out.printf("12 files, %d bytes%n", total);
        out.println("at most 3 at once: " + (usage.peak() <= 3));
    }

    @Override
    public void rx(PrintStream out) {
        var usage = new Usage();
        int total = Flowable.range(1, 12)
                .flatMapSingle(file -> Single.timer(2, TimeUnit.MILLISECONDS) // "read" the file
                        .map(t -> 80 + file * 2)
                        .doOnSubscribe(d -> usage.enter(1))
                        .doOnTerminate(() -> usage.exit(1)), false, 3) // before flatMap starts the next
                .reduce(0, Integer::sum)
                .blockingGet();
        out.printf("12 files, %d bytes%n", total);
        out.println("at most 3 at once: " + (usage.peak() <= 3));
    }
}
