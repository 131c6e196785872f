package io.chanflow.reactive.tck;

import io.chanflow.Channel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberBlackboxVerification;
import org.reactivestreams.tck.SubscriberWhiteboxVerification;
import org.testng.annotations.Test;

/**
 * Reactive Streams TCK (blackbox) for {@link ReactiveChannels#subscriber(io.chanflow.SendChannel, Context, int)}.
 * Not verified: the {@code untested_*} rules (the TCK has no test for them).
 */
public class SendChannelSubscriberBlackboxTckTest extends SubscriberBlackboxVerification<Integer> {
    public SendChannelSubscriberBlackboxTckTest() {
        super(Tck.env());
    }

    @Override
    public Subscriber<Integer> createSubscriber() {
        return ReactiveChannels.subscriber(Channel.make(1_024), Context.background(), Tck.CAPACITY);
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
