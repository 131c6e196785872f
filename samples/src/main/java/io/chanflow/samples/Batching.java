package io.chanflow.samples;

import static io.chanflow.Go.after;
import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.reactivex.rxjava3.core.Observable;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;

/**
 * Batching: batches of up to 3, a partial batch flushed 50ms after its first value, the rest at close;
 * the producer pauses 125ms after 5. The nil channel disables the timeout case while there is no batch.
 * Reactor's {@code bufferTimeout} has exactly these rules. RxJava's {@code buffer(time, count)} cuts
 * periodic windows instead (restarted when a batch fills), which gives the same batches here once its
 * empty windows are dropped (the pause ends mid-window); it does not support backpressure, so the RxJava
 * form is an {@code Observable}.
 */
public final class Batching implements Sample {
    @Override
    public String name() {
        return "batching";
    }

    static ReceiveChannel<List<Integer>> batch(ReceiveChannel<Integer> in, int size, Duration wait) {
        Channel<List<Integer>> out = Channel.make();
        go(() -> {
            try {
                List<Integer> b = new ArrayList<>();
                ReceiveChannel<Instant> timeout = Channel.nil(); // nil: no batch, no timeout
                while (true) {
                    Received<Integer> r = select(
                            in.onReceiveOk(got -> got),
                            timeout.onReceive(t -> null));
                    if (r == null) { // the timeout case
                        out.send(b);
                        b = new ArrayList<>();
                        timeout = Channel.nil();
                        continue;
                    }
                    if (!r.ok()) {
                        if (!b.isEmpty()) {
                            out.send(b);
                        }
                        return;
                    }
                    if (b.isEmpty()) {
                        timeout = after(wait);
                    }
                    b.add(r.value());
                    if (b.size() == size) {
                        out.send(b);
                        b = new ArrayList<>();
                        timeout = Channel.nil();
                    }
                }
            } finally {
                out.close();
            }
        });
        return out;
    }

    @Override
    public void channels(PrintStream out) {
        Channel<Integer> in = Channel.make();
        go(() -> {
            for (int i = 1; i <= 7; i++) {
                if (i == 6) {
                    Thread.sleep(125);
                }
                in.send(i);
            }
            in.close();
        });
        for (var b : batch(in, 3, Duration.ofMillis(50))) {
            out.println(Sample.slice(b));
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.concat(Flux.range(1, 5), Flux.range(6, 2).delaySubscription(Duration.ofMillis(125)))
                .bufferTimeout(3, Duration.ofMillis(50))
                .doOnNext(b -> out.println(Sample.slice(b)))
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Observable.concat(Observable.range(1, 5), Observable.range(6, 2).delaySubscription(125, TimeUnit.MILLISECONDS))
                .buffer(50, TimeUnit.MILLISECONDS, io.reactivex.rxjava3.schedulers.Schedulers.computation(), 3,
                        ArrayList::new, true)
                .filter(b -> !b.isEmpty())
                .blockingForEach(b -> out.println(Sample.slice(b)));
    }
}
