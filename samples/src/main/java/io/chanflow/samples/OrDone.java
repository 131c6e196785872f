package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;

/**
 * Or-done: range over a channel whose producer never closes it, and still stop when done. The channel
 * holds three values and is never closed; a 50ms deadline ends the loop. In the reactive forms the source
 * is {@code never()} after three values, and {@code take(Duration)} plays the deadline.
 */
public final class OrDone implements Sample {
    @Override
    public String name() {
        return "or-done";
    }

    static ReceiveChannel<Integer> orDone(Done done, ReceiveChannel<Integer> in) {
        Channel<Integer> out = Channel.make();
        go(() -> {
            try {
                while (true) {
                    Received<Integer> r = select(
                            done.onDone(() -> null),
                            in.onReceiveOk(got -> got));
                    if (r == null || !r.ok()) {
                        return;
                    }
                    if (!select(
                            out.onSend(r.value(), () -> true),
                            done.onDone(() -> false))) {
                        return;
                    }
                }
            } finally {
                out.close();
            }
        });
        return out;
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<Integer> in = Channel.make(3); // a channel its producer never closes
        for (int i = 1; i <= 3; i++) {
            in.send(i);
        }

        try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(50))) {
            for (int v : orDone(ctx.done(), in)) {
                out.println("got " + v);
            }
            out.println("stopped: " + ctx.err().message());
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.concat(Flux.range(1, 3), Flux.never()) // a source that never completes
                .take(Duration.ofMillis(50))
                .doOnNext(v -> out.println("got " + v))
                .blockLast();
        out.println("stopped: context deadline exceeded");
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.concat(Flowable.range(1, 3), Flowable.never()) // a source that never completes
                .take(50, TimeUnit.MILLISECONDS)
                .blockingSubscribe(v -> out.println("got " + v));
        out.println("stopped: context deadline exceeded");
    }
}
