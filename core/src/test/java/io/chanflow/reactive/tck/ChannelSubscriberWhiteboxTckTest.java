package io.chanflow.reactive.tck;

import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberWhiteboxVerification;

/**
 * Reactive Streams TCK (whitebox) for the subscriber inside
 * {@link io.chanflow.reactive.ReactiveChannels#channel(org.reactivestreams.Publisher, Context, int)}.
 *
 * <p>The puppet's {@code triggerRequest} receives what the channel holds: the subscriber requests its
 * capacity on its own and more as values are received. {@code signalCancel} cancels the context.
 * Not verified: the {@code untested_*} rules (the TCK has no test for them).
 */
public class ChannelSubscriberWhiteboxTckTest extends SubscriberWhiteboxVerification<Integer> {
    public ChannelSubscriberWhiteboxTckTest() {
        super(Tck.env());
    }

    @Override
    public Subscriber<Integer> createSubscriber(WhiteboxSubscriberProbe<Integer> probe) {
        CancelContext ctx = Context.withCancel(Context.background());
        Tck.Bridge b = Tck.channelBridge(ctx);
        return new Probed<>(b.subscriber(), probe, new SubscriberPuppet() {
            @Override
            public void triggerRequest(long elements) {
                for (long i = 0; i < elements && b.channel().tryReceiveOk() != null; i++) {
                    // each value received counts towards the next request
                }
            }

            @Override
            public void signalCancel() {
                ctx.cancel();
            }
        });
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
