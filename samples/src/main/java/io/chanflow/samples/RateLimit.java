package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static io.chanflow.Go.tick;

import io.chanflow.Channel;
import io.chanflow.DoneChannel;
import io.chanflow.Ticker;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;

/**
 * Rate limiting: one request per tick, then a token bucket with a burst of 3, refilled one token per
 * tick (dropped when full). Deterministic: each request prints the token it took, and the bucket is FIFO,
 * so the burst tokens come first. The reactive forms {@code zip} the requests with the ticks (a bucket is
 * three ready tokens followed by the ticks, dropping those nobody has asked for yet).
 */
public final class RateLimit implements Sample {
    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Ticker limiter = tick(Duration.ofMillis(10));
        try {
            for (int req = 1; req <= 3; req++) {
                limiter.c().receive(); // one request per tick
                out.println("request " + req);
            }
        } finally {
            limiter.stop();
        }

        Channel<String> bucket = Channel.make(3);
        for (int i = 0; i < 3; i++) {
            bucket.send("burst token");
        }
        DoneChannel done = DoneChannel.make();
        try {
            go(() -> {
                Ticker refill = tick(Duration.ofMillis(10));
                try {
                    while (select(
                            refill.c().onReceive(t -> bucket.trySend("tick") || true), // full: the token is lost
                            done.onDone(() -> false))) {
                        // keep refilling
                    }
                } finally {
                    refill.stop();
                }
            });
            for (int req = 1; req <= 5; req++) {
                out.printf("bursty request %d: %s%n", req, bucket.receive());
            }
        } finally {
            done.close();
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.interval(Duration.ofMillis(10))
                .zipWith(Flux.range(1, 3), (tick, req) -> "request " + req) // one request per tick
                .doOnNext(out::println)
                .blockLast();

        Flux<String> bucket = Flux.concat(
                Flux.just("burst token", "burst token", "burst token"),
                Flux.interval(Duration.ofMillis(10)).onBackpressureDrop().map(tick -> "tick"));
        Flux.range(1, 5)
                .zipWith(bucket, (req, token) -> "bursty request " + req + ": " + token)
                .doOnNext(out::println)
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.interval(10, TimeUnit.MILLISECONDS)
                .zipWith(Flowable.range(1, 3), (tick, req) -> "request " + req) // one request per tick
                .blockingForEach(out::println);

        Flowable<String> bucket = Flowable.concat(
                Flowable.just("burst token", "burst token", "burst token"),
                Flowable.interval(10, TimeUnit.MILLISECONDS).onBackpressureDrop().map(tick -> "tick"));
        Flowable.range(1, 5)
                .zipWith(bucket, (req, token) -> "bursty request " + req + ": " + token)
                .blockingForEach(out::println);
    }
}
