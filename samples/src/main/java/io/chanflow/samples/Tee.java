package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Tee: each value goes to both outputs; the tee offers it to both in a select and disables the case that
 * took it (Go sets the channel variable to nil; Chanflow has {@link Channel#nil()}), so both readers go at
 * the slower one's pace. Deterministic: the reader takes one value from each output in turn. The reactive
 * forms use the bridges' tee ({@code ChanFlux.tee}, {@code ChanFlowable.tee}), two branches paced by the
 * slower, and read them in turn with {@code zip}.
 */
public final class Tee implements Sample {
    @Override
    public String name() {
        return "tee";
    }

    static List<ReceiveChannel<Integer>> tee(ReceiveChannel<Integer> in) {
        Channel<Integer> out1 = Channel.make(), out2 = Channel.make();
        go(() -> {
            try {
                for (int v : in) {
                    SendChannel<Integer> o1 = out1, o2 = out2;
                    for (int i = 0; i < 2; i++) {
                        int sent = select(
                                o1.onSend(v, () -> 1),
                                o2.onSend(v, () -> 2));
                        if (sent == 1) {
                            o1 = Channel.nil(); // sent: disable this case
                        } else {
                            o2 = Channel.nil();
                        }
                    }
                }
            } finally {
                out1.close();
                out2.close();
            }
        });
        return List.of(out1, out2);
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<Integer> in = Channel.make();
        go(() -> {
            for (int i = 1; i <= 4; i++) {
                in.send(i);
            }
            in.close();
        });
        var outs = tee(in);
        var out1 = outs.get(0);
        var out2 = outs.get(1);
        for (int v1 : out1) {
            out.printf("out1: %d, out2: %d%n", v1, out2.receive());
        }
    }

    @Override
    public void reactor(PrintStream out) {
        var outs = ChanFlux.tee(Flux.range(1, 4));
        Flux.zip(outs.getT1(), outs.getT2()) // one value from each branch in turn
                .doOnNext(t -> out.printf("out1: %d, out2: %d%n", t.getT1(), t.getT2()))
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        var outs = ChanFlowable.tee(Flowable.range(1, 4));
        Flowable.zip(outs.get(0), outs.get(1), (v1, v2) -> String.format("out1: %d, out2: %d", v1, v2))
                .blockingForEach(out::println);
    }
}
