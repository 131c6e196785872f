package io.chanflow.reactive.tck;

import io.chanflow.Channel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.reactive.FlowChannels;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;
import org.testng.annotations.Test;

/**
 * Reactive Streams TCK (its {@link Flow} edition) for {@link FlowChannels#publisher}. Skips as in
 * {@link ChannelPublisherTckTest}.
 */
public class FlowPublisherTckTest extends FlowPublisherVerification<Long> {
    public FlowPublisherTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        Tck.Source<Long> src = Tck.source(elements);
        return FlowChannels.publisher(src.channel(), src.producer());
    }

    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        Channel<Long> ch = Channel.make();
        ch.close(new IllegalStateException("TCK: a channel closed with a cause"));
        return FlowChannels.publisher(ch);
    }
}
