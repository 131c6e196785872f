package io.chanflow.reactive.tck;

import io.chanflow.Channel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberWhiteboxVerification;

/**
 * Reactive Streams TCK (whitebox) for {@link ReactiveChannels#subscriber(io.chanflow.SendChannel, Context, int)}.
 *
 * <p>The target channel's buffer holds every value the TCK sends, so the forwarding goroutine never waits
 * and the subscriber's own requests (its prefetch, then batches as values are sent on) are all the demand
 * the TCK needs (see {@link Tck#selfRequestingPuppet}). Not verified: the {@code untested_*} rules (the TCK
 * has no test for them).
 */
public class SendChannelSubscriberWhiteboxTckTest extends SubscriberWhiteboxVerification<Integer> {
    public SendChannelSubscriberWhiteboxTckTest() {
        super(Tck.env());
    }

    @Override
    public Subscriber<Integer> createSubscriber(WhiteboxSubscriberProbe<Integer> probe) {
        CancelContext ctx = Context.withCancel(Context.background());
        Subscriber<Integer> s = ReactiveChannels.subscriber(Channel.make(1_024), ctx, Tck.CAPACITY);
        return new Probed<>(s, probe, Tck.selfRequestingPuppet(ctx));
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
