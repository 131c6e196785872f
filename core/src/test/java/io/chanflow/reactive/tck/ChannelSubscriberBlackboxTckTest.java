package io.chanflow.reactive.tck;

import io.chanflow.context.Context;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberBlackboxVerification;

/**
 * Reactive Streams TCK (blackbox) for the subscriber inside
 * {@link io.chanflow.reactive.ReactiveChannels#channel(org.reactivestreams.Publisher, Context, int)}.
 * Not verified: the {@code untested_*} rules (the TCK has no test for them).
 */
public class ChannelSubscriberBlackboxTckTest extends SubscriberBlackboxVerification<Integer> {
    public ChannelSubscriberBlackboxTckTest() {
        super(Tck.env());
    }

    @Override
    public Subscriber<Integer> createSubscriber() {
        return Tck.channelBridge(Context.background()).subscriber();
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
