package io.chanflow.benchmarks;

import io.chanflow.reactive.StageBody;
import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import io.reactivex.rxjava3.core.Flowable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issue 6's stage operator: {@code range(0, n)} through 4 concurrent workers that each apply {@link #work}
 * (a few hundred ns of arithmetic) to a value, results in any order. An item is one value; the sum of the
 * results is checked against a serial run.
 *
 * <ul>
 *   <li>{@code chanflow}: {@code ChanFlux.stage(4, (in, out) -> { for (v : in) out.send(work(v)); })}
 *       (Rx: {@code ChanFlowable.stage}): 4 goroutines on one input and one output channel.</li>
 *   <li>{@code flatMap}: {@code flatMap(v -> Mono.fromCallable(() -> work(v)).subscribeOn(parallel()), 4)}
 *       (Rx: {@code flatMap(v -> fromCallable(..).subscribeOn(computation()), false, 4)}): one scheduled
 *       task per value, at most 4 in flight.</li>
 *   <li>{@code parallel}: {@code parallel(4).runOn(parallel()).map(work).sequential()} (Rx:
 *       {@code computation()}): 4 rails fed in batches.</li>
 * </ul>
 *
 * <p>Every variant runs on as many carrier threads as there are cores: the virtual-thread scheduler's
 * parallelism and the size of Reactor's {@code parallel()} and RxJava's {@code computation()} pools are all
 * {@code availableProcessors()} by default. 1M values a batch (not the bridges' 10M): at a few hundred ns
 * per value on 2 cores a batch takes about 0.2-0.5 s, so a 1 s iteration still holds whole batches.
 */
public class StageVsFlatMap extends Bench {
    static final int VALUES = 1_000_000;
    static final int WORKERS = 4;
    /** Rounds of {@link #work}: about 2 ns each (a dependent multiply, add, shift and xor). */
    static final int ROUNDS = 100;

    @Param({"reactor", "rx"})
    public String lib;

    private int n;
    private long expectedSum;

    @Setup(Level.Trial)
    public void expect() {
        n = Size.of(VALUES);
        long s = 0;
        for (int v = 0; v < n; v++) {
            s += work(v);
        }
        expectedSum = s;
    }

    /** The per-value work, the same for every variant: a chain of dependent steps the JIT cannot fold. */
    static int work(int v) {
        int x = v;
        for (int i = 0; i < ROUNDS; i++) {
            x = x * 0x9E3779B1 + i;
            x ^= x >>> 15;
        }
        return x;
    }

    private boolean reactor() {
        return lib.equals("reactor");
    }

    private long consume(Publisher<Integer> out, Items items) throws InterruptedException {
        return SumSubscriber.consume(out, n, expectedSum, items);
    }

    @Benchmark
    public long chanflow(Items items) throws InterruptedException {
        StageBody<Integer, Integer> body = (in, out) -> {
            for (Integer v : in) {
                out.send(work(v));
            }
        };
        return consume(reactor()
                ? Flux.range(0, n).transform(ChanFlux.stage(WORKERS, body))
                : Flowable.range(0, n).compose(ChanFlowable.stage(WORKERS, body)), items);
    }

    @Benchmark
    public long flatMap(Items items) throws InterruptedException {
        return consume(reactor()
                ? Flux.range(0, n).flatMap(v -> Mono.fromCallable(() -> work(v)).subscribeOn(Schedulers.parallel()),
                        WORKERS)
                : Flowable.range(0, n).flatMap(v -> Flowable.fromCallable(() -> work(v))
                        .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.computation()), false, WORKERS),
                items);
    }

    @Benchmark
    public long parallel(Items items) throws InterruptedException {
        return consume(reactor()
                ? Flux.range(0, n).parallel(WORKERS).runOn(Schedulers.parallel()).map(StageVsFlatMap::work).sequential()
                : Flowable.range(0, n).parallel(WORKERS).runOn(io.reactivex.rxjava3.schedulers.Schedulers.computation())
                        .map(StageVsFlatMap::work).sequential(),
                items);
    }
}
