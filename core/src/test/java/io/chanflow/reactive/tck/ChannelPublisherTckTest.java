package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;

/**
 * Reactive Streams TCK for {@link ReactiveChannels#publisher(io.chanflow.ReceiveChannel, io.chanflow.context.CancelContext)}.
 *
 * <p>Not verified, by the TCK's own choice:
 * <ul>
 *   <li>{@code optional_spec104_mustSignalOnErrorWhenFails} and
 *       {@code required_spec109_mayRejectCallsToSubscribeIfPublisherIsUnable...}: both need an "error state"
 *       publisher that signals {@code onError} with no request at all; {@link #createFailedPublisher()}
 *       returns {@code null}, which the TCK takes as "none". A channel closed with a cause is only noticed
 *       by a receive, which the publisher makes only with demand (it never receives unrequested); with
 *       demand, {@code onError(cause)} is verified by {@code ReactiveChannelsTest}.</li>
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
        return null;
    }
}
