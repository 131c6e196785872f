package io.chanflow.reactive;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.util.concurrent.Flow;
import org.reactivestreams.FlowAdapters;

/**
 * The {@link ReactiveChannels} bridges for the JDK's {@link Flow} interfaces, through
 * {@link FlowAdapters}: same semantics, same contracts (backpressure, threads, cancellation, errors), so
 * each method only links to its Reactive Streams twin.
 */
public final class FlowChannels {
    private FlowChannels() {}

    /**
     * See {@link ReactiveChannels#publisher(ReceiveChannel)}.
     *
     * @param channel the channel to receive from
     * @param <T> the element type
     * @return the publisher
     */
    public static <T> Flow.Publisher<T> publisher(ReceiveChannel<T> channel) {
        return FlowAdapters.toFlowPublisher(ReactiveChannels.publisher(channel));
    }

    /**
     * See {@link ReactiveChannels#publisher(ReceiveChannel, CancelContext)}.
     *
     * @param channel the channel to receive from
     * @param producer cancelled when a subscription is cancelled
     * @param <T> the element type
     * @return the publisher
     */
    public static <T> Flow.Publisher<T> publisher(ReceiveChannel<T> channel, CancelContext producer) {
        return FlowAdapters.toFlowPublisher(ReactiveChannels.publisher(channel, producer));
    }

    /**
     * See {@link ReactiveChannels#channel(org.reactivestreams.Publisher, Context, int)}.
     *
     * @param publisher the source
     * @param ctx cancels the subscription when done
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side
     */
    public static <T> ReceiveChannel<T> channel(Flow.Publisher<? extends T> publisher, Context ctx, int capacity) {
        return ReactiveChannels.channel(FlowAdapters.toPublisher(publisher), ctx, capacity);
    }

    /**
     * See {@link ReactiveChannels#channel(org.reactivestreams.Publisher, int)}.
     *
     * @param publisher the source
     * @param capacity the channel's buffer, at least 1
     * @param <T> the element type
     * @return the receive side
     */
    public static <T> ReceiveChannel<T> channel(Flow.Publisher<? extends T> publisher, int capacity) {
        return channel(publisher, Context.background(), capacity);
    }

    /**
     * See {@link ReactiveChannels#subscriber(SendChannel, Context, int)}.
     *
     * @param channel the channel to feed; closed when the stream ends
     * @param ctx stops the subscriber when done
     * @param prefetch how many values may be requested ahead of the channel, at least 1
     * @param <T> the element type
     * @return a subscriber for one subscription
     */
    public static <T> Flow.Subscriber<T> subscriber(SendChannel<T> channel, Context ctx, int prefetch) {
        return FlowAdapters.toFlowSubscriber(ReactiveChannels.subscriber(channel, ctx, prefetch));
    }

    /**
     * See {@link ReactiveChannels#subscriber(SendChannel)}.
     *
     * @param channel the channel to feed; closed when the stream ends
     * @param <T> the element type
     * @return a subscriber for one subscription
     */
    public static <T> Flow.Subscriber<T> subscriber(SendChannel<T> channel) {
        return FlowAdapters.toFlowSubscriber(ReactiveChannels.subscriber(channel));
    }

    /**
     * See {@link ReactiveChannels#stage(org.reactivestreams.Publisher, int, int, StageBody)}.
     *
     * @param upstream the source
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code
     * @param <T> the input type
     * @param <R> the output type
     * @return the stage's output
     */
    public static <T, R> Flow.Publisher<R> stage(Flow.Publisher<? extends T> upstream, int workers, int prefetch,
                                                 StageBody<T, R> body) {
        return FlowAdapters.toFlowPublisher(
                ReactiveChannels.stage(FlowAdapters.toPublisher(upstream), workers, prefetch, body));
    }

    /**
     * See {@link ReactiveChannels#stage(org.reactivestreams.Publisher, Context, int, int, ContextStageBody)}.
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
    public static <T, R> Flow.Publisher<R> stage(Flow.Publisher<? extends T> upstream, Context parent, int workers,
                                                 int prefetch, ContextStageBody<T, R> body) {
        return FlowAdapters.toFlowPublisher(
                ReactiveChannels.stage(FlowAdapters.toPublisher(upstream), parent, workers, prefetch, body));
    }

    /**
     * See {@link ReactiveChannels#processor(int, int, StageBody)}.
     *
     * @param workers the number of goroutines running {@code body}, at least 1
     * @param prefetch how many values to request ahead of the workers, at least 1
     * @param body the channel code
     * @param <T> the input type
     * @param <R> the output type
     * @return the processor
     */
    public static <T, R> Flow.Processor<T, R> processor(int workers, int prefetch, StageBody<T, R> body) {
        return FlowAdapters.toFlowProcessor(ReactiveChannels.processor(workers, prefetch, body));
    }

    /**
     * See {@link ReactiveChannels#stageOrdered}.
     *
     * @param upstream the source
     * @param workers the number of concurrent mappers, at least 1
     * @param mapper one output per input, not null
     * @param <T> the input type
     * @param <R> the output type
     * @return the stage's output
     */
    public static <T, R> Flow.Publisher<R> stageOrdered(Flow.Publisher<? extends T> upstream, int workers,
                                                        StageMapper<? super T, ? extends R> mapper) {
        return FlowAdapters.toFlowPublisher(
                ReactiveChannels.stageOrdered(FlowAdapters.toPublisher(upstream), workers, mapper));
    }
}
