package io.chanflow.rx;

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
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.core.FlowableTransformer;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Channels as {@link Flowable} and back, and channel code as RxJava operators: the RxJava 3 face of
 * {@link ReactiveChannels}, whose contracts hold here word for word.
 *
 * <pre>{@code
 * Flowable<Job> jobs = ChanFlowable.from(jobChannel);                    // demand-driven
 * ReceiveChannel<Row> rows = ChanFlowable.toChannel(rowFlowable, ctx, 64); // at most 64 requested ahead
 * Flowable<Result> results = jobs.compose(ChanFlowable.stage(4, (ReceiveChannel<Job> in, SendChannel<Result> out) -> {
 *     for (Job j : in) out.send(run(j));
 * }));
 * }</pre>
 *
 * <h2>Contract (every method)</h2>
 * <ul>
 *   <li><b>Backpressure:</b> full and exact ({@code BackpressureKind.FULL}): each method says what it
 *       requests; nothing is buffered without bound; a source that emits beyond demand is failed with an
 *       {@link IllegalStateException}.</li>
 *   <li><b>Scheduler:</b> none of RxJava's. Blocking work runs on goroutines (virtual threads), which also
 *       signal the subscriber; {@code request}, {@code cancel} and {@code onNext} called on a bridge never
 *       wait for a channel, so no bridge blocks a {@code Schedulers.computation()} thread. Use
 *       {@code observeOn} to move signals back onto an RxJava scheduler.</li>
 *   <li><b>Cancellation:</b> disposing (cancelling) downstream stops the bridge's goroutines and cancels
 *       upstream; a Chanflow {@link Context} that is done cancels the subscription it governs.</li>
 *   <li><b>Errors:</b> {@code onError(e)} becomes a channel closed with {@code e}, and a channel closed with
 *       {@code e} becomes {@code onError(e)}: the same instance, after the values before it.</li>
 *   <li><b>Disposables:</b> a subscription a bridge makes on your behalf ({@code into},
 *       {@code toChannelDisposable}) comes with a {@link Disposable} that cancels it, as RxJava's own
 *       {@code subscribe} returns one; a Chanflow {@link Context} does the same job for the variants that
 *       take one.</li>
 * </ul>
 */
public final class ChanFlowable {
    private ChanFlowable() {}

    /**
     * {@code source} as RxJava sees it when an RxJava operator subscribes: our subscriber is handed over as a
     * {@link FlowableSubscriber}. Without this, RxJava wraps a plain Subscriber in its StrictSubscriber, which
     * serialises every signal with atomics our subscribers do not need (they follow Rules 2.x themselves,
     * hostile publishers included).
     */
    private static <T> Publisher<T> direct(Publisher<T> source) {
        Flowable<T> flowable = Flowable.fromPublisher(source);
        return s -> flowable.subscribe(new Direct<>(s));
    }

    /** A subscriber passed through unchanged. */
    private record Direct<T>(Subscriber<? super T> actual) implements FlowableSubscriber<T> {
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
     * A cold {@link Flowable} of the values received from {@code channel}; see
     * {@link ReactiveChannels#publisher(ReceiveChannel)}.
     *
     * @param channel the channel to receive from
     * @param <T> the element type
     * @return the flowable
     */
    public static <T> Flowable<T> from(ReceiveChannel<T> channel) {
        return Flowable.fromPublisher(ReactiveChannels.publisher(channel));
    }

    /**
     * As {@link #from(ReceiveChannel)}, and cancelling also cancels {@code producer}; see
     * {@link ReactiveChannels#publisher(ReceiveChannel, CancelContext)}.
     *
     * @param channel the channel to receive from
     * @param producer cancelled when a subscription is cancelled
     * @param <T> the element type
     * @return the flowable
     */
    public static <T> Flowable<T> from(ReceiveChannel<T> channel, CancelContext producer) {
        return Flowable.fromPublisher(ReactiveChannels.publisher(channel, producer));
    }

    /**
     * Subscribes to {@code source} now and returns a channel of {@code capacity} that receives its values;
     * see {@link ReactiveChannels#channel(Publisher, Context, int)}.
     *
     * @param source the source
     * @param ctx cancels the subscription when done
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side
     */
    public static <T> ReceiveChannel<T> toChannel(Publisher<? extends T> source, Context ctx, int capacity) {
        return ReactiveChannels.channel(direct(source), ctx, capacity);
    }

    /**
     * {@link #toChannel(Publisher, Context, int)} with the background context.
     *
     * @param source the source
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side
     */
    public static <T> ReceiveChannel<T> toChannel(Publisher<? extends T> source, int capacity) {
        return ReactiveChannels.channel(direct(source), capacity);
    }

    /**
     * Subscribes to {@code source} and sends its values into {@code channel}, closing it when the source
     * ends; see {@link ReactiveChannels#subscriber(SendChannel, Context, int)}.
     *
     * @param source the source
     * @param channel the channel to feed (and close)
     * @param ctx stops the feeding when done
     * @param prefetch how many values may be requested ahead of the channel, at least 1
     * @param <T> the element type
     */
    public static <T> void into(Publisher<? extends T> source, SendChannel<T> channel, Context ctx, int prefetch) {
        direct(source).subscribe(ReactiveChannels.subscriber(channel, ctx, prefetch));
    }

    /**
     * Subscribes to {@code source} and sends its values into {@code channel}, closing it when the source
     * ends, as {@link #into(Publisher, SendChannel, Context, int)}; the returned {@link Disposable} is the
     * RxJava handle on it: {@code dispose()} cancels the subscription and closes {@code channel} with a
     * {@link io.chanflow.context.ContextDoneException} (values not yet sent are dropped), and
     * {@code isDisposed()} says whether it was disposed. Idempotent and thread-safe; it never blocks.
     *
     * @param source the source
     * @param channel the channel to feed (and close)
     * @param prefetch how many values may be requested ahead of the channel, at least 1
     * @param <T> the element type
     * @return the handle that cancels the feeding
     */
    public static <T> Disposable into(Publisher<? extends T> source, SendChannel<T> channel, int prefetch) {
        CancelContext ctx = Context.withCancel(Context.background());
        into(source, channel, ctx, prefetch);
        return new ContextDisposable(ctx);
    }

    /**
     * A cold-to-hot bridge with an RxJava handle: subscribes to {@code source} now and returns a channel of
     * {@code capacity} that receives its values (as {@link #toChannel(Publisher, Context, int)}), and a
     * {@link Disposable} whose {@code dispose()} cancels the subscription and closes the channel with a
     * {@link io.chanflow.context.ContextDoneException} after the values already buffered.
     *
     * @param source the source
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the channel and its handle
     */
    public static <T> Subscribed<T> toChannelDisposable(Publisher<? extends T> source, int capacity) {
        CancelContext ctx = Context.withCancel(Context.background());
        return new Subscribed<>(toChannel(source, ctx, capacity), new ContextDisposable(ctx));
    }

    /**
     * A channel fed by a subscription, and the {@link Disposable} that cancels that subscription.
     *
     * @param channel the receive side
     * @param disposable cancels the subscription feeding {@code channel}
     * @param <T> the element type
     */
    public record Subscribed<T>(ReceiveChannel<T> channel, Disposable disposable) {}

    /** Disposing cancels the context that governs a subscription; disposed means that context is done. */
    private record ContextDisposable(CancelContext ctx) implements Disposable {
        @Override
        public void dispose() {
            ctx.cancel();
        }

        @Override
        public boolean isDisposed() {
            return ctx.err() != null;
        }
    }

    /**
     * Channel code with {@code workers} goroutines as an operator, for {@link Flowable#compose}: see
     * {@link ReactiveChannels#stage(Publisher, int, int, StageBody)}.
     *
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param body the channel code
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> FlowableTransformer<T, R> stage(int workers, StageBody<T, R> body) {
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
    public static <T, R> FlowableTransformer<T, R> stage(int workers, int prefetch, StageBody<T, R> body) {
        return flowable -> Flowable.fromPublisher(ReactiveChannels.stage(direct(flowable), workers, prefetch, body));
    }

    /**
     * A stage whose workers take a context (Go's {@code worker(ctx, in, out)}), for {@link Flowable#compose}:
     * see {@link ReactiveChannels#stage(Publisher, Context, int, int, ContextStageBody)}. Each subscription's
     * workers share a child of {@code parent}, cancelled when the subscriber cancels (disposes) or the stage
     * ends; {@code parent} done cancels the stage and fails it with {@code parent.cause()}.
     *
     * @param parent the parent of each subscription's context (RxJava has no context of its own to map)
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code, given the context
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> FlowableTransformer<T, R> stage(Context parent, int workers, int prefetch,
                                                         ContextStageBody<T, R> body) {
        return flowable -> Flowable.fromPublisher(ReactiveChannels.stage(direct(flowable), parent, workers, prefetch, body));
    }

    /**
     * An ordered stage as an operator; see {@link ReactiveChannels#stageOrdered}.
     *
     * @param workers the number of concurrent mappers, at least 1
     * @param mapper one output per input
     * @param <T> the input type
     * @param <R> the output type
     * @return the operator
     */
    public static <T, R> FlowableTransformer<T, R> stageOrdered(int workers,
                                                                StageMapper<? super T, ? extends R> mapper) {
        return flowable -> Flowable.fromPublisher(ReactiveChannels.stageOrdered(direct(flowable), workers, mapper));
    }

    /**
     * Go's tee: two flowables that each get every value of {@code source}, paced by the slower; both must be
     * subscribed (once each). See {@link Tee}.
     *
     * @param source the source, subscribed when the first branch is
     * @param <T> the element type
     * @return the two branches, first and second
     */
    public static <T> List<Flowable<T>> tee(Publisher<? extends T> source) {
        Tee<T> tee = ReactiveChannels.tee(direct(source), ReactiveChannels.DEFAULT_PREFETCH);
        return List.of(Flowable.fromPublisher(tee.first()), Flowable.fromPublisher(tee.second()));
    }

    /**
     * Go's bridge-channel: the inner publishers flattened in order, one at a time (like
     * {@link Flowable#concat}); see {@link ReactiveChannels#bridge}.
     *
     * @param sources the publishers to flatten, in order
     * @param <T> the element type
     * @return the flattened flowable
     */
    public static <T> Flowable<T> bridge(Publisher<? extends Publisher<? extends T>> sources) {
        return Flowable.fromPublisher(ReactiveChannels.bridge(
                direct(Flowable.fromPublisher(sources).map(ChanFlowable::direct)), ReactiveChannels.DEFAULT_PREFETCH));
    }

    /**
     * Go's fan-in over Flowables: {@link Pipeline#fanIn} on the sources turned into channels; see
     * {@link ReactiveChannels#fanIn}. Prefetch {@value ReactiveChannels#DEFAULT_PREFETCH} per source.
     *
     * @param sources the sources, subscribed when the result is
     * @param <T> the element type
     * @return the merged flowable
     */
    @SafeVarargs
    public static <T> Flowable<T> fanIn(Publisher<? extends T>... sources) {
        return Flowable.fromPublisher(ReactiveChannels.<T>fanIn(java.util.Arrays.stream(sources).map(ChanFlowable::direct).toList(), ReactiveChannels.DEFAULT_PREFETCH));
    }

    /**
     * Go's fan-out (distribute): {@code n} flowables, each value of {@code source} to exactly one of them; see
     * {@link ReactiveChannels#fanOut} (every branch must be subscribed; one branch's cancel cancels all).
     * Prefetch {@value ReactiveChannels#DEFAULT_PREFETCH}.
     *
     * @param source the source, subscribed when the first branch is
     * @param n the number of branches, at least 1
     * @param how round-robin or first-free
     * @param <T> the element type
     * @return the branches
     */
    public static <T> List<Flowable<T>> fanOut(Publisher<? extends T> source, int n, Distribution how) {
        return ReactiveChannels.<T>fanOut(direct(source), n, how, ReactiveChannels.DEFAULT_PREFETCH).stream()
                .map(Flowable::fromPublisher)
                .toList();
    }

    /**
     * Go's worker pool as an operator, for {@code compose}: {@link WorkerPool} with {@code workers}
     * goroutines behind a queue of {@code queue} jobs, results in the order they finish; see
     * {@link ReactiveChannels#workerPool}. Prefetch {@value ReactiveChannels#DEFAULT_PREFETCH}.
     *
     * @param workers the number of workers, at least 1
     * @param queue the job queue's capacity, 0 for a hand-off
     * @param worker the job function, given the pool's context
     * @param <T> the job type
     * @param <R> the result type
     * @return the operator
     */
    public static <T, R> FlowableTransformer<T, R> workerPool(int workers, int queue, Worker<? super T, ? extends R> worker) {
        return upstream -> Flowable.fromPublisher(
                ReactiveChannels.<T, R>workerPool(direct(upstream), workers, queue, worker, ReactiveChannels.DEFAULT_PREFETCH));
    }
}
