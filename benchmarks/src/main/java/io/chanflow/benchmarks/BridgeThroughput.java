package io.chanflow.benchmarks;

import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Issue 6's bridge: 10M values {@code Flux -> channel(256) -> Flux} (and {@code Flowable} likewise) against
 * the reactive libraries' own one-thread-boundary operator with the same 256-value buffer: Reactor's
 * {@code publishOn(scheduler, 256)} and RxJava's {@code observeOn(scheduler, false, 256)}. An item is one
 * value; {@link SumSubscriber} checks that each of 0..n-1 arrived once.
 *
 * <ul>
 *   <li>{@code chanflow}: {@code ChanFlux.from(ChanFlux.toChannel(source, 256))} (Rx:
 *       {@code ChanFlowable}); the values cross into the channel and leave it on the bridge's goroutine.</li>
 *   <li>{@code baseline}: {@code source.publishOn(consumer, 256)} (Rx: {@code observeOn(consumer, false, 256)})
 *       on a dedicated single-thread scheduler; the values leave on that platform thread.</li>
 * </ul>
 *
 * <p>{@code source} is where {@code range} runs. {@code sync}: a plain {@code range}, as the issue writes it.
 * Both sides then pull it from their consumer thread (range emits inside {@code request}); Reactor and
 * RxJava also fuse {@code range} into {@code publishOn}/{@code observeOn} (the consumer polls the range, no
 * queue), which a channel cannot. {@code async}: {@code range(...).subscribeOn(a second single-thread
 * scheduler)}, so the values are produced on one thread and consumed on another, through the channel or
 * through {@code publishOn}'s queue (fusion is impossible across {@code subscribeOn}): the like-for-like
 * producer/consumer hand-off.
 */
public class BridgeThroughput extends Bench {
    static final int VALUES = 10_000_000;
    static final int CAPACITY = 256;

    @Param({"reactor", "rx"})
    public String lib;

    @Param({"sync", "async"})
    public String source;

    private reactor.core.scheduler.Scheduler reactorConsumer;
    private reactor.core.scheduler.Scheduler reactorProducer;
    private io.reactivex.rxjava3.core.Scheduler rxConsumer;
    private io.reactivex.rxjava3.core.Scheduler rxProducer;

    @Setup(Level.Trial)
    public void startSchedulers() {
        reactorConsumer = Schedulers.newSingle("publishOn", true);
        reactorProducer = Schedulers.newSingle("range", true);
        rxConsumer = RxJavaPlugins.createSingleScheduler(daemon("observeOn"));
        rxProducer = RxJavaPlugins.createSingleScheduler(daemon("range"));
    }

    @TearDown(Level.Trial)
    public void stopSchedulers() {
        reactorConsumer.dispose();
        reactorProducer.dispose();
        rxConsumer.shutdown();
        rxProducer.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private boolean reactor() {
        return lib.equals("reactor");
    }

    private Flux<Integer> flux(int n) {
        Flux<Integer> range = Flux.range(0, n);
        return source.equals("async") ? range.subscribeOn(reactorProducer) : range;
    }

    private Flowable<Integer> flowable(int n) {
        Flowable<Integer> range = Flowable.range(0, n);
        return source.equals("async") ? range.subscribeOn(rxProducer) : range;
    }

    @Benchmark
    public long chanflow(Items items) throws InterruptedException {
        int n = Size.of(VALUES);
        Publisher<Integer> out = reactor()
                ? ChanFlux.from(ChanFlux.toChannel(flux(n), CAPACITY))
                : ChanFlowable.from(ChanFlowable.toChannel(flowable(n), CAPACITY));
        return SumSubscriber.consumeRange(out, n, items);
    }

    /** Reactor: {@code publishOn(scheduler, 256)}; RxJava: {@code observeOn(scheduler, false, 256)}. */
    @Benchmark
    public long baseline(Items items) throws InterruptedException {
        int n = Size.of(VALUES);
        Publisher<Integer> out = reactor()
                ? flux(n).publishOn(reactorConsumer, CAPACITY)
                : flowable(n).observeOn(rxConsumer, false, CAPACITY);
        return SumSubscriber.consumeRange(out, n, items);
    }
}
