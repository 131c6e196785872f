package io.chanflow.samples;

import static io.chanflow.Go.after;
import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static io.chanflow.Go.tick;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.Ticker;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Heartbeat: the worker beats every 2ms while it works and sends a result every 10ms; after three it
 * hangs, beatless, and main (whose 100ms timeout restarts at every beat or result) declares it dead. Beats
 * are not printed, since their number varies. In the reactive forms the worker's stream carries beats and
 * results, and {@code timeout} (restarted at every item) is the monitor.
 */
public final class Heartbeat implements Sample {
    @Override
    public String name() {
        return "heartbeat";
    }

    private static final Object BEAT = new Object(); // Go's struct{}{}

    static void worker(Done stop, SendChannel<Object> pulse, SendChannel<Integer> results)
            throws InterruptedException {
        Ticker beat = tick(Duration.ofMillis(2));
        ReceiveChannel<Instant> work = after(Duration.ofMillis(10));
        for (int i = 1; i <= 3; ) {
            boolean worked = select(
                    beat.c().onReceive(t -> !pulse.trySend(BEAT) && false), // nobody listening: drop the beat
                    work.onReceive(t -> true));
            if (worked) {
                results.send(i);
                i++;
                work = after(Duration.ofMillis(10));
            }
        }
        beat.stop();
        stop.await(); // hang: no more results, no more beats
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        DoneChannel stop = DoneChannel.make();
        try {
            Channel<Object> pulse = Channel.make(1);
            Channel<Integer> results = Channel.make();
            go(() -> worker(stop.done(), pulse, results));
            boolean alive = true;
            while (alive) {
                alive = select(
                        pulse.onReceive(p -> true),
                        results.onReceive(r -> {
                            out.println("result " + r);
                            return true;
                        }),
                        after(Duration.ofMillis(100), () -> {
                            out.println("no heartbeat for 100ms: worker presumed dead");
                            return false;
                        }));
            }
        } finally {
            stop.close();
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.range(1, 3)
                .concatMap(i -> Flux.interval(Duration.ofMillis(2)).map(t -> "beat")
                        .take(Duration.ofMillis(10)) // beats while it works
                        .concatWith(Mono.just("result " + i)))
                .concatWith(Flux.never()) // then hangs, beatless
                .timeout(Duration.ofMillis(100))
                .filter(s -> !s.equals("beat"))
                .doOnNext(out::println)
                .onErrorResume(TimeoutException.class, e -> {
                    out.println("no heartbeat for 100ms: worker presumed dead");
                    return Mono.empty();
                })
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.range(1, 3)
                .concatMap(i -> Flowable.interval(2, TimeUnit.MILLISECONDS).map(t -> "beat")
                        .take(10, TimeUnit.MILLISECONDS) // beats while it works
                        .concatWith(Flowable.just("result " + i)))
                .concatWith(Flowable.never()) // then hangs, beatless
                .timeout(100, TimeUnit.MILLISECONDS)
                .filter(s -> !s.equals("beat"))
                .onErrorResumeNext(e -> {
                    if (!(e instanceof TimeoutException)) {
                        return Flowable.error(e);
                    }
                    return Flowable.just("no heartbeat for 100ms: worker presumed dead");
                })
                .blockingForEach(out::println);
    }
}
