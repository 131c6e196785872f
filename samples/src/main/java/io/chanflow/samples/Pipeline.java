package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import reactor.core.publisher.Flux;

/**
 * Pipeline of three stages: generate, square, square again; each stage keeps order. In the reactive forms
 * each squaring stage is channel code plugged in as an operator with the bridges' {@code stage}
 * ({@code ChanFlux.stage} through {@code transform}, {@code ChanFlowable.stage} through {@code compose}):
 * one goroutine per stage, as in Go, running {@link #square}, the loop of {@link #sq}. One worker keeps
 * the order.
 */
public final class Pipeline implements Sample {
    @Override
    public String name() {
        return "pipeline";
    }

    static ReceiveChannel<Integer> gen(int... nums) {
        Channel<Integer> out = Channel.make();
        go(() -> {
            for (int n : nums) {
                out.send(n);
            }
            out.close();
        });
        return out;
    }

    static ReceiveChannel<Integer> sq(ReceiveChannel<Integer> in) {
        Channel<Integer> out = Channel.make();
        go(() -> {
            for (int n : in) {
                out.send(n * n);
            }
            out.close();
        });
        return out;
    }

    @Override
    public void channels(PrintStream out) {
        for (int n : sq(sq(gen(1, 2, 3, 4, 5)))) {
            out.println(n);
        }
    }

    /** The body of {@link #sq} as a bridge stage: receive from {@code in}, send the square to {@code out}. */
    static void square(ReceiveChannel<Integer> in, SendChannel<Integer> out) throws InterruptedException {
        for (int n : in) {
            out.send(n * n);
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.just(1, 2, 3, 4, 5)
                .transform(ChanFlux.stage(1, Pipeline::square))
                .transform(ChanFlux.stage(1, Pipeline::square))
                .doOnNext(out::println)
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.just(1, 2, 3, 4, 5)
                .compose(ChanFlowable.stage(1, Pipeline::square))
                .compose(ChanFlowable.stage(1, Pipeline::square))
                .blockingForEach(out::println);
    }
}
