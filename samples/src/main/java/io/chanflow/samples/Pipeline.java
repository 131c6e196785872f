package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import reactor.core.publisher.Flux;

/**
 * Pipeline of three stages: generate, square, square again; each stage keeps order. In the reactive forms
 * each stage is an operator; {@code publishOn}/{@code observeOn} puts each on its own thread as the
 * goroutines are.
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

    @Override
    public void reactor(PrintStream out) {
        var stages = reactor.core.scheduler.Schedulers.parallel();
        Flux.just(1, 2, 3, 4, 5)
                .publishOn(stages).map(n -> n * n)
                .publishOn(stages).map(n -> n * n)
                .doOnNext(out::println)
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        var stages = io.reactivex.rxjava3.schedulers.Schedulers.computation();
        Flowable.just(1, 2, 3, 4, 5)
                .observeOn(stages).map(n -> n * n)
                .observeOn(stages).map(n -> n * n)
                .blockingForEach(out::println);
    }
}
