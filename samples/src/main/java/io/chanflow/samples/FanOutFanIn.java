package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import io.chanflow.sync.WaitGroup;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Fan-out/fan-in: three squaring workers share one input channel; their outputs are merged. Which worker
 * gets which number and the merged order vary, so the results are printed sorted. The reactive forms fan
 * out and fan in with the bridges' {@code stage(3, ...)} ({@code ChanFlux.stage} through {@code transform},
 * {@code ChanFlowable.stage} through {@code compose}): three goroutines run {@link Pipeline#square} on one
 * shared input channel and send to one merged output, the Go shape as a single operator.
 */
public final class FanOutFanIn implements Sample {
    @Override
    public String name() {
        return "fan-out-fan-in";
    }

    static ReceiveChannel<Integer> gen(int n) {
        Channel<Integer> out = Channel.make();
        go(() -> {
            for (int i = 1; i <= n; i++) {
                out.send(i);
            }
            out.close();
        });
        return out;
    }

    @SafeVarargs
    static ReceiveChannel<Integer> merge(ReceiveChannel<Integer>... cs) {
        var wg = new WaitGroup();
        Channel<Integer> out = Channel.make();
        wg.add(cs.length);
        for (var c : cs) {
            go(() -> {
                for (int n : c) {
                    out.send(n);
                }
                wg.done();
            });
        }
        go(() -> {
            wg.await();
            out.close();
        });
        return out;
    }

    @Override
    public void channels(PrintStream out) {
        var in = gen(10);
        List<Integer> results = new ArrayList<>();
        for (int n : merge(Pipeline.sq(in), Pipeline.sq(in), Pipeline.sq(in))) {
            results.add(n);
        }
        Collections.sort(results);
        out.println(Sample.slice(results));
    }

    @Override
    public void reactor(PrintStream out) {
        List<Integer> results = Flux.range(1, 10)
                .transform(ChanFlux.stage(3, Pipeline::square)) // three workers, one input, merged output
                .collectSortedList()
                .block();
        out.println(Sample.slice(results));
    }

    @Override
    public void rx(PrintStream out) {
        List<Integer> results = Flowable.range(1, 10)
                .compose(ChanFlowable.stage(3, Pipeline::square)) // three workers, one input, merged output
                .toSortedList()
                .blockingGet();
        out.println(Sample.slice(results));
    }
}
