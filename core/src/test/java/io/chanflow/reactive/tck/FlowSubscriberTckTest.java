package io.chanflow.reactive.tck;

import io.chanflow.Channel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.reactive.FlowChannels;
import java.util.concurrent.Flow;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;

/**
 * Reactive Streams TCK (its {@link Flow} edition, whitebox) for {@link FlowChannels#subscriber}. Set up and
 * skips as in {@link SendChannelSubscriberWhiteboxTckTest}.
 */
public class FlowSubscriberTckTest extends FlowSubscriberWhiteboxVerification<Integer> {
    public FlowSubscriberTckTest() {
        super(Tck.env());
    }

    @Override
    protected Flow.Subscriber<Integer> createFlowSubscriber(WhiteboxSubscriberProbe<Integer> probe) {
        CancelContext ctx = Context.withCancel(Context.background());
        Flow.Subscriber<Integer> s = FlowChannels.subscriber(Channel.make(1_024), ctx, Tck.CAPACITY);
        return FlowAdapters.toFlowSubscriber(
                new Probed<>(FlowAdapters.toSubscriber(s), probe, Tck.selfRequestingPuppet(ctx)));
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
