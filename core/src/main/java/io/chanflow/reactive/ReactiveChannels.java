package io.chanflow.reactive;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.pattern.Distribution;
import io.chanflow.pattern.Worker;
import java.util.List;
import java.util.Objects;
import org.reactivestreams.Processor;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * Bridges between channels and Reactive Streams: a channel as a {@link Publisher}, a {@code Publisher} as a
 * channel, a {@link Subscriber} that feeds a channel, and channel code as an operator
 * ({@link #stage}). {@link FlowChannels} has the same for {@link java.util.concurrent.Flow}.
 *
 * <pre>{@code
 * Publisher<Job> jobs = ReactiveChannels.publisher(jobChannel);          // never takes a value unrequested
 * ReceiveChannel<Row> rows = ReactiveChannels.channel(rowPublisher, ctx, 64); // at most 64 requested ahead
 * Publisher<Result> results = ReactiveChannels.stage(jobs, 4, (in, out) -> {
 *     for (Job j : in) out.send(run(j));
 * });
 * }</pre>
 *
 * <h2>Contract shared by every bridge</h2>
 * <ul>
 *   <li><b>Backpressure.</b> No bridge buffers without bound: each method states exactly what it requests.
 *       A publisher that emits more than was requested (Rule 1.1) fails the bridge with an
 *       {@link IllegalStateException}; the extra value is never buffered.</li>
 *   <li><b>Threads.</b> Whatever may block runs on a goroutine (a virtual thread started with
 *       {@link io.chanflow.Go#go}). {@code Subscription.request}/{@code cancel} and {@code Subscriber.onNext}
 *       etc. called on a bridge never wait for a channel; they take a channel's lock for a short, bounded
 *       critical section at most. So a bridge never blocks a non-blocking (Reactor {@code parallel()},
 *       RxJava {@code computation()}) thread.</li>
 *   <li><b>Termination.</b> A channel closed normally is {@code onComplete}, closed with a cause is
 *       {@code onError(cause)}, and back: {@code onComplete} closes, {@code onError(e)} closes with
 *       {@code e}, after the values before it were received.</li>
 *   <li><b>Rule 2.13.</b> {@code null} elements and causes are rejected with {@link NullPointerException}.</li>
 * </ul>
 */
public final class ReactiveChannels {
    private ReactiveChannels() {}

    /** The number of values {@link #stage} and {@link #stageOrdered} request ahead of their workers. */
    public static final int DEFAULT_PREFETCH = 32;

    // ---------------------------------------------------------------------------------------------
    // channel -> Publisher
    // ---------------------------------------------------------------------------------------------

    /**
     * A cold {@link Publisher} of the values received from {@code channel}: each subscriber gets its own
     * goroutine that receives on its behalf. Subscribers (and any other receivers) share the channel: each
     * value goes to one of them.
     *
     * <p><b>Backpressure.</b> Demand-driven: the goroutine receives only while its subscriber has outstanding
     * demand, one value per requested value, so it never takes a value it could not deliver; without demand
     * it is not a receiver of the channel at all, and other receivers get every value.
     *
     * <p><b>Threads.</b> {@code onSubscribe} is called on the subscribing thread; {@code onNext},
     * {@code onComplete} and {@code onError} on the subscription's goroutine, serially (Rule 1.3).
     * {@code request} and {@code cancel} never block and may be called from {@code onNext} (Rule 3.3).
     *
     * <p><b>Termination.</b> Once the channel is closed and drained: {@code onComplete}, or
     * {@code onError(cause)} if it was closed with a cause, signalled as soon as that is so, without waiting
     * for demand (Rules 1.4, 1.5): a subscriber that requested exactly the channel's values completes with no
     * further {@code request}, and a channel closed with a cause fails a subscriber that requested nothing.
     * (Exception: if the channel is closed with values left and other receivers drain them while this
     * subscriber has no demand, the terminal signal waits for its next {@code request}.)
     *
     * <p><b>Cancellation.</b> {@code cancel()} wakes the goroutine, which leaves at once (a receive it waits
     * in is abandoned; nothing is taken). A receive already under way when {@code cancel()} runs may still
     * complete; that value was requested and is delivered with {@code onNext} (Rule 3.12 allows it), never
     * dropped. The channel is not closed: it belongs to its producers. {@code request(n)} with
     * {@code n <= 0} cancels and signals {@code onError(IllegalArgumentException)} (Rule 3.9).
     *
     * @param channel the channel to receive from
     * @param <T> the element type
     * @return the publisher
     */
    public static <T> Publisher<T> publisher(ReceiveChannel<T> channel) {
        return new ChannelPublisher<>(channel, null);
    }

    /**
     * As {@link #publisher(ReceiveChannel)}, and a subscriber's {@code cancel} (or a bad {@code request})
     * also cancels {@code producer}, the context the channel's producers watch: cancellation travels
     * upstream past the channel. Meant for one subscriber.
     *
     * @param channel the channel to receive from
     * @param producer cancelled when a subscription is cancelled
     * @param <T> the element type
     * @return the publisher
     */
    public static <T> Publisher<T> publisher(ReceiveChannel<T> channel, CancelContext producer) {
        Objects.requireNonNull(producer, "producer context");
        return new ChannelPublisher<>(channel, producer::cancel);
    }

    // ---------------------------------------------------------------------------------------------
    // Publisher -> channel
    // ---------------------------------------------------------------------------------------------

    /**
     * Subscribes to {@code publisher} now and returns a channel that receives its values. Equivalent to
     * {@link #channel(Publisher, Context, int) channel(publisher, Context.background(), capacity)}: nothing
     * can cancel the subscription but the publisher's end.
     *
     * @param publisher the source
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side
     */
    public static <T> ReceiveChannel<T> channel(Publisher<? extends T> publisher, int capacity) {
        return channel(publisher, Context.background(), capacity);
    }

    /**
     * Subscribes to {@code publisher} now and returns a channel with a buffer of {@code capacity} that
     * receives its values.
     *
     * <p><b>Backpressure.</b> Requests {@code capacity} on subscription, then, each time receivers have taken
     * {@code limit = capacity - capacity / 4} more values (75 %, as Reactor's {@code limitRate}), requests
     * {@code limit} more in one call. So the total requested never exceeds (values received from the
     * channel) + {@code capacity}, and the buffer never holds more than {@code capacity}. A publisher that
     * emits beyond demand closes the channel with an {@link IllegalStateException} and is cancelled.
     *
     * <p><b>Threads.</b> {@code onNext} puts the value into the buffer with {@code trySend}, which always
     * succeeds when demand is honoured: it never blocks the publisher's thread. Replenishing requests are
     * made by the thread that received the value, serially (Rule 2.7).
     *
     * <p><b>Termination.</b> {@code onComplete} closes the channel; {@code onError(e)} closes it with
     * {@code e}: receivers first get the buffered values, then {@link io.chanflow.ChannelClosedException}
     * carrying {@code e}.
     *
     * <p><b>Cancellation.</b> When {@code ctx} is done, the subscription is cancelled and the channel is
     * closed with {@link Context#cause() ctx.cause()} (values already buffered are still received first).
     * Values the publisher emits after that are dropped (Rule 2.8). A goroutine watches {@code ctx} until the
     * stream ends.
     *
     * @param publisher the source
     * @param ctx cancels the subscription when done
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side; every receive form (including select cases and iteration) counts
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static <T> ReceiveChannel<T> channel(Publisher<? extends T> publisher, Context ctx, int capacity) {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(ctx, "ctx");
        ChannelSubscriber<T> s = new ChannelSubscriber<T>(capacity).cancelOn(ctx);
        publisher.subscribe(s);
        return s.channel();
    }

    // ---------------------------------------------------------------------------------------------
    // Subscriber -> channel
    // ---------------------------------------------------------------------------------------------

    /**
     * A {@link Subscriber} that sends what it receives to {@code channel}, with a prefetch of
     * {@link #DEFAULT_PREFETCH}. See {@link #subscriber(SendChannel, Context, int)}.
     *
     * @param channel the channel to feed; the subscriber closes it when the stream ends
     * @param <T> the element type
     * @return a subscriber for one subscription
     */
    public static <T> Subscriber<T> subscriber(SendChannel<T> channel) {
        return subscriber(channel, Context.background(), DEFAULT_PREFETCH);
    }

    /**
     * A {@link Subscriber} that sends what it receives to {@code channel}, for one subscription.
     *
     * <p><b>Backpressure.</b> Demand follows the channel's consumption: it requests {@code prefetch} on
     * subscription, then {@code limit = prefetch - prefetch / 4} each time that many values were sent into
     * {@code channel}. So the total requested never exceeds (values sent into the channel) +
     * {@code prefetch}; at most {@code prefetch} values wait in the subscriber's own buffer.
     *
     * <p><b>Threads.</b> {@code onNext} never blocks the caller's thread: it puts the value in the buffer; a
     * goroutine started in {@code onSubscribe} does the blocking sends.
     *
     * <p><b>Termination.</b> The subscriber owns {@code channel}, as a producing goroutine does in Go: once
     * the buffered values were sent, {@code onComplete} closes it and {@code onError(e)} closes it with
     * {@code e}.
     *
     * <p><b>Cancellation.</b> When {@code ctx} is done, the subscription is cancelled, buffered values are
     * dropped and {@code channel} is closed with {@link Context#cause() ctx.cause()}. If someone else closes
     * {@code channel}, the subscription is cancelled.
     *
     * @param channel the channel to feed
     * @param ctx stops the subscriber when done
     * @param prefetch how many values may be requested ahead of the channel, at least 1
     * @param <T> the element type
     * @return a subscriber for one subscription
     * @throws IllegalArgumentException if {@code prefetch < 1}
     */
    public static <T> Subscriber<T> subscriber(SendChannel<T> channel, Context ctx, int prefetch) {
        Objects.requireNonNull(ctx, "ctx");
        return new SendChannelSubscriber<>(channel, prefetch, ctx.done(), ctx::cause);
    }

    // ---------------------------------------------------------------------------------------------
    // Stages
    // ---------------------------------------------------------------------------------------------

    /**
     * A pipeline stage as an operator: a cold {@link Publisher} that, for each subscriber, subscribes to
     * {@code upstream} and runs {@code body(in, out)} on {@code workers} goroutines sharing one input and one
     * output channel. Output order follows the workers' sends (unordered); see {@link #stageOrdered} to keep
     * input order. Prefetch {@link #DEFAULT_PREFETCH}.
     *
     * @param upstream the source
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param body the channel code
     * @param <T> the input type
     * @param <R> the output type
     * @return the stage's output
     * @see #stage(Publisher, int, int, StageBody)
     */
    public static <T, R> Publisher<R> stage(Publisher<? extends T> upstream, int workers, StageBody<T, R> body) {
        return stage(upstream, workers, DEFAULT_PREFETCH, body);
    }

    /**
     * A pipeline stage as an operator (see {@link #stage(Publisher, int, StageBody)}).
     *
     * <p><b>Backpressure.</b> Upstream is asked for {@code prefetch}, then for 75 % batches as the workers
     * take values (as {@link #channel(Publisher, Context, int)}); the output is demand-driven (as
     * {@link #publisher(ReceiveChannel)}): workers block in {@code out.send} while downstream requests
     * nothing and the output buffer ({@code workers} slots) is full. In flight at most: {@code prefetch}
     * buffered + {@code workers} in hand + {@code workers} in the output buffer.
     *
     * <p><b>Threads.</b> The workers are goroutines; downstream is signalled from the output's goroutine.
     *
     * <p><b>Cancellation.</b> Downstream cancel cancels upstream and closes {@code in} (with a
     * {@link java.util.concurrent.CancellationException} cause) and {@code out}, so workers blocked on
     * either end; what they throw then is ignored.
     *
     * <p><b>Errors.</b> Upstream's {@code onError(e)} closes {@code in} with {@code e}; once the workers end,
     * downstream gets the values they sent, then {@code onError(e)}, the same {@code e}. An upstream that
     * breaks the protocol is treated alike: values beyond demand end it with an
     * {@link IllegalStateException}, a {@code null} signal with a {@link NullPointerException} (Rules 1.1,
     * 2.13), after every value requested before it has gone through the workers. A worker that throws
     * fails the stage: upstream is cancelled and downstream gets {@code onError} with what it threw.
     * When every worker has returned normally, downstream completes.
     *
     * @param upstream the source
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code
     * @param <T> the input type
     * @param <R> the output type
     * @return the stage's output
     */
    public static <T, R> Publisher<R> stage(Publisher<? extends T> upstream, int workers, int prefetch,
                                            StageBody<T, R> body) {
        return new StagePublisher<>(upstream, workers, prefetch, workers, body);
    }

    /**
     * A pipeline stage whose workers take a context, Go's {@code worker(ctx, in, out)}: as
     * {@link #stage(Publisher, int, int, StageBody)}, and each subscription's workers share a child of
     * {@code parent} (its values and deadline), cancelled when the stage ends or is cancelled. When
     * {@code parent} is done first, the stage is cancelled from above: upstream is cancelled, {@code in} and
     * {@code out} are closed, and downstream gets {@code onError(parent.cause())} (after the values sent
     * before it).
     *
     * @param upstream the source
     * @param parent the parent of each subscription's context
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code, given the subscription's context
     * @param <T> the input type
     * @param <R> the output type
     * @return the stage's output
     */
    public static <T, R> Publisher<R> stage(Publisher<? extends T> upstream, Context parent, int workers,
                                            int prefetch, ContextStageBody<T, R> body) {
        return new StagePublisher<>(upstream, parent, workers, prefetch, workers, body);
    }

    /**
     * A pipeline stage as a {@link Processor}: subscribe it to a source, and subscribe one subscriber to it.
     * What {@link #stage(Publisher, int, int, StageBody)} does per subscription, this does once: the workers
     * start when the (single) subscriber subscribes; a second subscriber is refused with
     * {@code onSubscribe} then {@code onError(IllegalStateException)} (Rule 1.9). Before the subscriber
     * comes, the source is asked for {@code prefetch} values and no more.
     *
     * <p>Backpressure, threads, cancellation and errors as for the stage publisher; the Subscriber side
     * follows Rules 2.x as {@link #subscriber} does (a second {@code onSubscribe} is cancelled, a
     * {@code null} signal throws {@link NullPointerException}, values beyond demand fail the stream with
     * {@link IllegalStateException}).
     *
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code
     * @param <T> the input type
     * @param <R> the output type
     * @return the processor
     */
    public static <T, R> Processor<T, R> processor(int workers, int prefetch, StageBody<T, R> body) {
        Objects.requireNonNull(body, "body");
        return processor(Context.background(), workers, prefetch, (ctx, in, out) -> body.run(in, out));
    }

    /**
     * As {@link #processor(int, int, StageBody)}, with workers that take a context: a child of
     * {@code parent}, as for {@link #stage(Publisher, Context, int, int, ContextStageBody)}.
     *
     * @param parent the parent of the stage's context
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code, given the stage's context
     * @param <T> the input type
     * @param <R> the output type
     * @return the processor
     */
    public static <T, R> Processor<T, R> processor(Context parent, int workers, int prefetch,
                                                   ContextStageBody<T, R> body) {
        return StagePublisher.processor(parent, workers, prefetch, body);
    }

    /**
     * An ordered stage: {@code mapper} runs on {@code workers} goroutines, values concurrently, and the
     * results are emitted in input order (Go's ordered pipeline; Reactor's {@code flatMapSequential}). A
     * slow value holds back the results after it, and at most {@code workers} values are in the mappers'
     * hands or waiting for their turn. Prefetch {@link #DEFAULT_PREFETCH}.
     *
     * <p>Backpressure, threads, cancellation and errors as {@link #stage(Publisher, int, int, StageBody)};
     * a mapper that throws fails the stage with what it threw, after the results before it.
     *
     * @param upstream the source
     * @param workers the number of concurrent mappers, at least 1
     * @param mapper one output per input, not null
     * @param <T> the input type
     * @param <R> the output type
     * @return the stage's output
     */
    public static <T, R> Publisher<R> stageOrdered(Publisher<? extends T> upstream, int workers,
                                                   StageMapper<? super T, ? extends R> mapper) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        return new StagePublisher<>(upstream, 1, DEFAULT_PREFETCH, workers, StagePublisher.ordered(workers, mapper));
    }

    // ---------------------------------------------------------------------------------------------
    // tee, bridge
    // ---------------------------------------------------------------------------------------------

    /**
     * Go's tee: both branches of the result get every value of {@code upstream}, paced by the slower. See
     * {@link Tee} for its backpressure, subscription, cancellation and error rules.
     *
     * @param upstream the source, subscribed once, when the first branch is
     * @param prefetch how many values to request ahead, at least 1
     * @param <T> the element type
     * @return the two branches
     */
    public static <T> Tee<T> tee(Publisher<? extends T> upstream, int prefetch) {
        return new Tee<>(upstream, prefetch);
    }

    /**
     * Go's bridge-channel: a publisher of publishers flattened in order, each inner one drained before the
     * next is subscribed (Reactor's {@code concat}, done with channels). Cold.
     *
     * <p><b>Backpressure.</b> One inner publisher is requested from {@code sources} at a time (1, then 1 as
     * each is taken); each inner one {@code prefetch}, then 75 % batches as values are passed on. Values are
     * passed on only with downstream demand.
     *
     * <p><b>Cancellation and errors.</b> Downstream cancel cancels {@code sources} and the current inner
     * publisher. An error of either ends the stream with {@code onError} of that same cause, after the values
     * before it.
     *
     * @param sources the publishers to flatten, in order
     * @param prefetch how many values to request ahead from each inner publisher, at least 1
     * @param <T> the element type
     * @return the flattened publisher
     */
    public static <T> Publisher<T> bridge(Publisher<? extends Publisher<? extends T>> sources, int prefetch) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        ContextStageBody<Publisher<? extends T>, T> body = (ctx, in, out) -> {
            for (Publisher<? extends T> inner : in) {
                for (T v : channel(inner, ctx, prefetch)) {
                    out.send(v);
                }
            }
        };
        return new StagePublisher<>(sources, Context.background(), 1, 1, 1, body);
    }

    /** Rejects a subscriber (Rule 1.9): onSubscribe with a no-op subscription, then onError. */
    static void reject(Subscriber<?> s, Throwable why) {
        s.onSubscribe(new org.reactivestreams.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        s.onError(why);
    }

    // ---------------------------------------------------------------------------------------------
    // The core patterns as publishers: Pipeline.fanIn, Pipeline.fanOut, WorkerPool
    // ---------------------------------------------------------------------------------------------

    /**
     * {@link io.chanflow.pattern.Pipeline#fanIn} over publishers: each subscription turns every source into
     * a channel ({@link #channel(Publisher, Context, int)}: {@code prefetch}, then 75 % refills) and
     * publishes the merge. Values of one source keep their order; sources interleave. Completes when every
     * source has; the first source error ends it with that error (the others are cancelled); a cancel
     * cancels every source.
     *
     * @param sources the sources, subscribed when the result is
     * @param prefetch requested ahead per source, at least 1
     * @param <T> the element type
     * @return the merged publisher
     */
    public static <T> Publisher<T> fanIn(List<? extends Publisher<? extends T>> sources, int prefetch) {
        return Patterns.fanIn(sources, prefetch);
    }

    /**
     * {@link io.chanflow.pattern.Pipeline#fanOut} over a publisher: {@code n} branches, each value of
     * {@code source} goes to exactly one of them, chosen by {@code how}. The source is subscribed (once) when
     * the first branch is; every branch must be subscribed, for the distributor waits for the branch it
     * chose (round-robin) or for any ready one (first-free). All branches end together as the source did (a
     * source error reaches every branch). A branch's cancel cancels the fan-out: the source is cancelled and
     * the other branches end with the context's {@link io.chanflow.context.ContextDoneException}.
     *
     * @param source the source
     * @param n the number of branches, at least 1
     * @param how round-robin or first-free
     * @param prefetch requested ahead of the distributor, at least 1
     * @param <T> the element type
     * @return the {@code n} branches
     */
    public static <T> List<Publisher<T>> fanOut(Publisher<? extends T> source, int n,
                                                Distribution how, int prefetch) {
        return Patterns.fanOut(source, n, how, prefetch);
    }

    /**
     * {@link io.chanflow.pattern.WorkerPool} over a publisher: each subscription starts a pool of
     * {@code workers} goroutines behind a queue of {@code queue} jobs, submits the source's values as jobs
     * (requesting {@code prefetch}, then 75 % refills, as jobs are queued) and publishes the results in the
     * order they finish. The source's completion shuts the pool down gracefully (every job's result is
     * delivered, then onComplete); a source error does the same and then signals that error. A job that
     * throws ends the stream with what it threw and cancels the source; a cancel stops the pool and cancels
     * the source.
     *
     * @param source the jobs
     * @param workers the number of workers, at least 1
     * @param queue the job queue's capacity, 0 for a hand-off
     * @param worker the job function; {@code null} results are skipped
     * @param prefetch requested ahead of the queue, at least 1
     * @param <T> the job type
     * @param <R> the result type
     * @return the results
     */
    public static <T, R> Publisher<R> workerPool(Publisher<? extends T> source, int workers, int queue,
                                                 Worker<? super T, ? extends R> worker,
                                                 int prefetch) {
        return Patterns.workerPool(source, Context.background(), workers, queue, worker, prefetch);
    }

    /**
     * As {@link #workerPool(Publisher, int, int, Worker, int)}, with each subscription's pool context a child
     * of {@code parent}: the workers see its values and deadline, and {@code parent} done stops the pool and
     * cancels the source; the results then end with {@code onError(parent.cause())}.
     *
     * @param source the jobs
     * @param parent the parent of each subscription's pool context
     * @param workers the number of workers, at least 1
     * @param queue the job queue's capacity, 0 for a hand-off
     * @param worker the job function; {@code null} results are skipped
     * @param prefetch requested ahead of the queue, at least 1
     * @param <T> the job type
     * @param <R> the result type
     * @return the results
     */
    public static <T, R> Publisher<R> workerPool(Publisher<? extends T> source, Context parent, int workers,
                                                 int queue, Worker<? super T, ? extends R> worker, int prefetch) {
        return Patterns.workerPool(source, parent, workers, queue, worker, prefetch);
    }
}
