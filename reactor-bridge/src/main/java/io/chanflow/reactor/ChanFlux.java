package io.chanflow.reactor;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.pattern.Distribution;
import io.chanflow.pattern.Pipeline;
import io.chanflow.pattern.Worker;
import io.chanflow.pattern.WorkerPool;
import io.chanflow.reactive.ContextStageBody;
import io.chanflow.reactive.ReactiveChannels;
import io.chanflow.reactive.StageBody;
import io.chanflow.reactive.StageMapper;
import io.chanflow.reactive.Tee;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import io.chanflow.Done;
import io.chanflow.context.ContextError;
import reactor.core.publisher.Flux;
import reactor.util.context.ContextView;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * Channels as {@link Flux} and back, and channel code as Reactor operators: the Reactor face of
 * {@link ReactiveChannels}, whose contracts hold here word for word.
 *
 * <pre>{@code
 * Flux<Job> jobs = ChanFlux.from(jobChannel);                       // demand-driven
 * ReceiveChannel<Row> rows = ChanFlux.toChannel(rowFlux, ctx, 64);  // at most 64 requested ahead
 * Flux<Result> results = jobs.transform(ChanFlux.stage(4, (ReceiveChannel<Job> in, SendChannel<Result> out) -> {
 *     for (Job j : in) out.send(run(j));
 * }));
 * Tuple2<Flux<Event>, Flux<Event>> two = ChanFlux.tee(events);      // paced by the slower
 * Flux<Page> pages = ChanFlux.bridge(Flux.range(1, 10).map(this::fetchPages));
 * }</pre>
 *
 * <h2>Contract (every method)</h2>
 * <ul>
 *   <li><b>Backpressure.</b> Exact: each method says what it requests; nothing is buffered without bound and
 *       a source that emits beyond demand is failed with an {@link IllegalStateException}.</li>
 *   <li><b>Threads.</b> Blocking work runs on goroutines (virtual threads); a bridge signals its subscriber
 *       from a goroutine. {@code request}, {@code cancel} and {@code onNext} called by Reactor on a bridge
 *       never wait for a channel, so no bridge blocks a {@code Schedulers.parallel()} thread (the test suite
 *       runs under BlockHound). Use {@code publishOn} to move signals back onto a Reactor scheduler.</li>
 *   <li><b>Cancellation.</b> Downstream {@code cancel} stops the bridge's goroutines and cancels upstream; a
 *       Chanflow {@link Context} that is done cancels the subscription it governs.</li>
 *   <li><b>Errors.</b> {@code onError(e)} becomes a channel closed with {@code e}, and a channel closed with
 *       {@code e} becomes {@code onError(e)}: the same instance, after the values before it.</li>
 *   <li><b>Reactor {@code Context}.</b> Operators with one subscriber ({@code stage}, {@code stageOrdered},
 *       {@code workerPool}, {@code bridge}, {@code fanIn}) pass their subscriber's Reactor {@code Context}
 *       on to their sources, as a Reactor operator would, although the values cross channels on the way.
 *       Channel code sees it as a Chanflow {@link Context} ({@link #context(ContextView)}): the stage and
 *       worker-pool variants that take a context give their workers one whose values are the Reactor
 *       context's entries (look them up with a {@link Context.Key} used as the Reactor key, or get the whole
 *       view under {@link #REACTOR_CONTEXT}) and which is cancelled when the subscriber cancels. The other
 *       way, {@code toChannel} and {@code into} with a Chanflow context put it into the source's Reactor
 *       context under {@link #CONTEXT_KEY}, so reactive code upstream can watch that context.
 *       {@code tee} and {@code fanOut} share one source among several subscribers, so their source sees
 *       an empty Reactor context.</li>
 * </ul>
 */
public final class ChanFlux {
    private ChanFlux() {}

    /**
     * The key under which the Chanflow context of {@link #context(ContextView)} holds the whole Reactor
     * {@link ContextView}: {@code ctx.value(ChanFlux.REACTOR_CONTEXT)}.
     */
    public static final Context.Key<ContextView> REACTOR_CONTEXT = Context.key("reactor ContextView");

    /**
     * The Reactor context key under which {@code toChannel} and {@code into} put the Chanflow context that
     * governs the subscription: {@code Mono.deferContextual(cv -> ... cv.get(Context.class) ...)}.
     */
    public static final Class<Context> CONTEXT_KEY = Context.class;

    /**
     * A Reactor {@link ContextView} as a Chanflow {@link Context}: never done by itself, no deadline, and
     * {@code value(key)} is the Reactor entry under {@code key} (a {@link Context.Key} used as a Reactor
     * key), or the view itself for {@link #REACTOR_CONTEXT}. Immutable and thread-safe, as the view is.
     * Use it as the parent of cancellable contexts ({@code Context.withCancel(ChanFlux.context(cv))}).
     *
     * @param view the Reactor context
     * @return the Chanflow context
     */
    public static Context context(ContextView view) {
        return new ReactorContext(java.util.Objects.requireNonNull(view, "view"));
    }

    /** The Chanflow face of a ContextView: background's lifecycle, the view's entries as values. */
    private record ReactorContext(ContextView view) implements Context {
        @Override
        public Done done() {
            return Context.background().done();
        }

        @Override
        public ContextError err() {
            return null;
        }

        @Override
        public Throwable cause() {
            return null;
        }

        @Override
        public Optional<Instant> deadline() {
            return Optional.empty();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V value(Key<V> key) {
            return key == REACTOR_CONTEXT ? (V) view : view.getOrDefault(key, null);
        }

        @Override
        public String toString() {
            return "ChanFlux.context(" + view + ")";
        }
    }

    /**
     * Runs {@code op} per subscription with the subscriber's Reactor context: the source is given that
     * context (channels in between would otherwise cut it off) and {@code op} gets it as a Chanflow context.
     */
    private static <T, R> Function<Flux<T>, Flux<R>> withSubscriberContext(
            BiFunction<Publisher<T>, Context, Publisher<R>> op) {
        return flux -> Flux.deferContextual(view -> Flux.from(op.apply(direct(flux, view), context(view))));
    }

    /** {@code source} with {@code ctx} in its Reactor context under {@link #CONTEXT_KEY}. */
    private static <T> Publisher<T> exposing(Publisher<T> source, Context ctx) {
        return direct(source, reactor.util.context.Context.of(CONTEXT_KEY, ctx));
    }

    /**
     * {@code source} as Reactor sees it when a Reactor operator subscribes: our subscriber is handed over as
     * a {@link CoreSubscriber} whose context is {@code view}. Without this, Reactor wraps a plain Subscriber
     * in its StrictSubscriber, which serialises every signal with atomics our subscribers do not need (they
     * follow Rules 2.x themselves, hostile publishers included) and would see an empty context.
     */
    private static <T> Publisher<T> direct(Publisher<T> source, ContextView view) {
        Flux<T> flux = Flux.from(source);
        return s -> flux.subscribe(new Direct<>(s, reactor.util.context.Context.of(view)));
    }

    /** A subscriber passed through unchanged, with a Reactor context. */
    private record Direct<T>(Subscriber<? super T> actual, reactor.util.context.Context currentContext)
            implements CoreSubscriber<T> {
        @Override
        public void onSubscribe(Subscription s) {
            actual.onSubscribe(s);
        }

        @Override
        public void onNext(T t) {
            actual.onNext(t);
        }

        @Override
        public void onError(Throwable t) {
            actual.onError(t);
        }

        @Override
        public void onComplete() {
            actual.onComplete();
        }
    }

    /**
     * A cold {@link Flux} of the values received from {@code channel}; see
     * {@link ReactiveChannels#publisher(ReceiveChannel)}: it receives one value per requested value, never
     * more, and completes (or errors with the close cause) once the channel is closed and drained.
     *
     * @param channel the channel to receive from
     * @param <T> the element type
     * @return the flux
     */
    public static <T> Flux<T> from(ReceiveChannel<T> channel) {
        return Flux.from(ReactiveChannels.publisher(channel));
    }

    /**
     * As {@link #from(ReceiveChannel)}, and a {@code cancel} also cancels {@code producer}, the context the
     * channel's producers watch; see {@link ReactiveChannels#publisher(ReceiveChannel, CancelContext)}.
     *
     * @param channel the channel to receive from
     * @param producer cancelled when a subscription is cancelled
     * @param <T> the element type
     * @return the flux
     */
    public static <T> Flux<T> from(ReceiveChannel<T> channel, CancelContext producer) {
        return Flux.from(ReactiveChannels.publisher(channel, producer));
    }

    /**
     * Subscribes to {@code source} now and returns a channel of {@code capacity} that receives its values;
     * see {@link ReactiveChannels#channel(Publisher, Context, int)}: {@code capacity} requested, then 75 %
     * batches as receivers take values; {@code ctx} done cancels the subscription and closes the channel
     * with its cause.
     *
     * @param source the source
     * @param ctx cancels the subscription when done
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side
     */
    public static <T> ReceiveChannel<T> toChannel(Publisher<? extends T> source, Context ctx, int capacity) {
        return ReactiveChannels.channel(exposing(source, ctx), ctx, capacity);
    }

    /**
     * {@link #toChannel(Publisher, Context, int)} with the background context: only the source's end ends it.
     *
     * @param source the source
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side
     */
    public static <T> ReceiveChannel<T> toChannel(Publisher<? extends T> source, int capacity) {
        return ReactiveChannels.channel(direct(source, reactor.util.context.Context.empty()), capacity);
    }

    /**
     * Subscribes to {@code source} and sends its values into {@code channel}, closing it when the source
     * ends; see {@link ReactiveChannels#subscriber(SendChannel, Context, int)}. The source finds {@code ctx}
     * in its Reactor context under {@link #CONTEXT_KEY}.
     *
     * @param source the source
     * @param channel the channel to feed (and close)
     * @param ctx stops the feeding when done
     * @param prefetch how many values may be requested ahead of the channel, at least 1
     * @param <T> the element type
     */
    public static <T> void into(Publisher<? extends T> source, SendChannel<T> channel, Context ctx, int prefetch) {
        exposing(source, ctx).subscribe(ReactiveChannels.subscriber(channel, ctx, prefetch));
    }

    /**
     * Channel code with {@code workers} goroutines as an operator, for {@link Flux#transform}: see
     * {@link ReactiveChannels#stage(Publisher, int, int, StageBody)} (unordered output; prefetch
     * {@value ReactiveChannels#DEFAULT_PREFETCH}). Give the lambda's parameter types, or the type arguments,
     * when Java cannot infer the output type.
     *
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param body the channel code: receive from {@code in}, send to {@code out}
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> Function<Flux<T>, Flux<R>> stage(int workers, StageBody<T, R> body) {
        return stage(workers, ReactiveChannels.DEFAULT_PREFETCH, body);
    }

    /**
     * As {@link #stage(int, StageBody)} with an explicit prefetch.
     *
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> Function<Flux<T>, Flux<R>> stage(int workers, int prefetch, StageBody<T, R> body) {
        return withSubscriberContext((flux, ctx) -> ReactiveChannels.stage(flux, workers, prefetch, body));
    }

    /**
     * A stage whose workers take a context (Go's {@code worker(ctx, in, out)}), for {@link Flux#transform}:
     * see {@link ReactiveChannels#stage(Publisher, Context, int, int, ContextStageBody)}. The context is the
     * subscriber's Reactor context as a Chanflow one ({@link #context(ContextView)}: its entries by key),
     * cancelled when the subscriber cancels or the stage ends. Prefetch
     * {@value ReactiveChannels#DEFAULT_PREFETCH}.
     *
     * <pre>{@code
     * static final Context.Key<String> USER = Context.key("user");
     * Flux<String> out = ids.transform(ChanFlux.stage(4, (Context ctx, ReceiveChannel<Integer> in, SendChannel<String> o) -> {
     *     for (Integer id : in) ctx.send(o, ctx.value(USER) + ":" + id);
     * })).contextWrite(c -> c.put(USER, "ann"));
     * }</pre>
     *
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param body the channel code, given the context
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> Function<Flux<T>, Flux<R>> stage(int workers, ContextStageBody<T, R> body) {
        return stage(workers, ReactiveChannels.DEFAULT_PREFETCH, body);
    }

    /**
     * As {@link #stage(int, ContextStageBody)} with an explicit prefetch.
     *
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code, given the context
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> Function<Flux<T>, Flux<R>> stage(int workers, int prefetch, ContextStageBody<T, R> body) {
        return withSubscriberContext((flux, ctx) -> ReactiveChannels.stage(flux, ctx, workers, prefetch, body));
    }

    /**
     * An ordered stage as an operator: {@code mapper} runs on {@code workers} goroutines and results keep
     * the input order; see {@link ReactiveChannels#stageOrdered}.
     *
     * @param workers the number of concurrent mappers, at least 1
     * @param mapper one output per input
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> Function<Flux<T>, Flux<R>> stageOrdered(int workers,
                                                                 StageMapper<? super T, ? extends R> mapper) {
        return withSubscriberContext((flux, ctx) -> ReactiveChannels.stageOrdered(flux, workers, mapper));
    }

    /**
     * Go's tee: two fluxes that each get every value of {@code source}, paced by the slower; both must be
     * subscribed (once each). See {@link Tee}. Prefetch {@value ReactiveChannels#DEFAULT_PREFETCH}.
     *
     * @param source the source, subscribed when the first branch is
     * @param <T> the element type
     * @return the two branches
     */
    public static <T> Tuple2<Flux<T>, Flux<T>> tee(Publisher<? extends T> source) {
        Tee<T> tee = ReactiveChannels.tee(direct(source, reactor.util.context.Context.empty()), ReactiveChannels.DEFAULT_PREFETCH);
        return Tuples.of(Flux.from(tee.first()), Flux.from(tee.second()));
    }

    /**
     * Go's bridge-channel: the inner publishers flattened in order, one at a time (like {@link Flux#concat}),
     * done with channels; see {@link ReactiveChannels#bridge}. Prefetch
     * {@value ReactiveChannels#DEFAULT_PREFETCH} per inner publisher.
     *
     * @param sources the publishers to flatten, in order
     * @param <T> the element type
     * @return the flattened flux
     */
    public static <T> Flux<T> bridge(Publisher<? extends Publisher<? extends T>> sources) {
        return Flux.deferContextual(view -> Flux.from(ReactiveChannels.bridge(
                direct(Flux.from(sources).map(inner -> direct(inner, view)), view),
                ReactiveChannels.DEFAULT_PREFETCH)));
    }

    /**
     * Go's fan-in over Fluxs: {@link Pipeline#fanIn} on the sources turned into channels; see
     * {@link ReactiveChannels#fanIn}. Prefetch {@value ReactiveChannels#DEFAULT_PREFETCH} per source.
     *
     * @param sources the sources, subscribed when the result is
     * @param <T> the element type
     * @return the merged flux
     */
    @SafeVarargs
    public static <T> Flux<T> fanIn(Publisher<? extends T>... sources) {
        List<Publisher<? extends T>> all = List.of(sources);
        return Flux.deferContextual(view -> Flux.from(ReactiveChannels.<T>fanIn(
                all.stream().map(source -> direct(source, view)).toList(),
                ReactiveChannels.DEFAULT_PREFETCH)));
    }

    /**
     * Go's fan-out (distribute): {@code n} fluxs, each value of {@code source} to exactly one of them; see
     * {@link ReactiveChannels#fanOut} (every branch must be subscribed; one branch's cancel cancels all).
     * Prefetch {@value ReactiveChannels#DEFAULT_PREFETCH}.
     *
     * @param source the source, subscribed when the first branch is
     * @param n the number of branches, at least 1
     * @param how round-robin or first-free
     * @param <T> the element type
     * @return the branches
     */
    public static <T> List<Flux<T>> fanOut(Publisher<? extends T> source, int n, Distribution how) {
        return ReactiveChannels.<T>fanOut(direct(source, reactor.util.context.Context.empty()), n, how,
                        ReactiveChannels.DEFAULT_PREFETCH).stream()
                .map(Flux::from)
                .toList();
    }

    /**
     * Go's worker pool as an operator, for {@code transform}: {@link WorkerPool} with {@code workers}
     * goroutines behind a queue of {@code queue} jobs, results in the order they finish; see
     * {@link ReactiveChannels#workerPool}. Prefetch {@value ReactiveChannels#DEFAULT_PREFETCH}.
     *
     * @param workers the number of workers, at least 1
     * @param queue the job queue's capacity, 0 for a hand-off
     * @param worker the job function, given the pool's context: the subscriber's Reactor context as a
     *     Chanflow one ({@link #context(ContextView)}), cancelled when the pool stops
     * @param <T> the job type
     * @param <R> the result type
     * @return the operator
     */
    public static <T, R> Function<Flux<T>, Flux<R>> workerPool(int workers, int queue, Worker<? super T, ? extends R> worker) {
        return withSubscriberContext((flux, ctx) -> ReactiveChannels.<T, R>workerPool(
                flux, ctx, workers, queue, worker, ReactiveChannels.DEFAULT_PREFETCH));
    }
}
