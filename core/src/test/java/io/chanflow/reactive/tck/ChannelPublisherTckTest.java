package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;

/**
 * Reactive Streams TCK for {@link ReactiveChannels#publisher(io.chanflow.ReceiveChannel, io.chanflow.context.CancelContext)}.
 *
 * <p>The error-state checks ({@code optional_spec104_mustSignalOnErrorWhenFails},
 * {@code required_spec109_mayRejectCallsToSubscribeIfPublisherIsUnable...}) run on a channel closed with a
 * cause: the publisher signals {@code onError(cause)} without demand.
 *
 * <p>Not verified, by the TCK's own choice:
 * <ul>
 *   <li>{@code optional_spec111_multicast_*}: the publisher is unicast (subscribers share the channel, each
 *       value goes to one of them), so the TCK skips its multicast checks.</li>
 *   <li>{@code untested_*}: the TCK has no test for these rules.</li>
 * </ul>
 */
public class ChannelPublisherTckTest extends PublisherVerification<Long> {

    public ChannelPublisherTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return Tck.publisher(elements);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return Tck.failedPublisher();
    }
}
