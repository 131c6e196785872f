package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import reactor.core.publisher.Flux;

/**
 * Bridge-channel: a channel of channels flattened into one, each inner channel drained before the next, so
 * both levels keep their order. The reactive forms use the bridges' bridge ({@code ChanFlux.bridge},
 * {@code ChanFlowable.bridge}): a publisher of publishers flattened in order, one at a time, with channels
 * (what {@code concat} does with operators).
 */
public final class Bridge implements Sample {
    @Override
    public String name() {
        return "bridge";
    }

    static ReceiveChannel<String> bridge(ReceiveChannel<ReceiveChannel<String>> chans) {
        Channel<String> out = Channel.make();
        go(() -> {
            try {
                for (var ch : chans) {
                    for (String v : ch) {
                        out.send(v);
                    }
                }
            } finally {
                out.close();
            }
        });
        return out;
    }

    static ReceiveChannel<ReceiveChannel<String>> batches() {
        Channel<ReceiveChannel<String>> chans = Channel.make();
        go(() -> {
            try {
                for (String prefix : new String[] {"a", "b", "c"}) {
                    Channel<String> ch = Channel.make(3);
                    for (int i = 1; i <= 3; i++) {
                        ch.send(prefix + i);
                    }
                    ch.close();
                    chans.send(ch);
                }
            } finally {
                chans.close();
            }
        });
        return chans;
    }

    @Override
    public void channels(PrintStream out) {
        for (String v : bridge(batches())) {
            out.println(v);
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux<Flux<String>> batches = Flux.just("a", "b", "c")
                .map(prefix -> Flux.range(1, 3).map(i -> prefix + i));
        ChanFlux.bridge(batches).doOnNext(out::println).blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Flowable<Flowable<String>> batches = Flowable.just("a", "b", "c")
                .map(prefix -> Flowable.range(1, 3).map(i -> prefix + i));
        ChanFlowable.bridge(batches).blockingForEach(out::println);
    }
}
