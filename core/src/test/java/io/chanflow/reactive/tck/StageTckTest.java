package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.testng.annotations.Test;

/**
 * Reactive Streams TCK for the output of {@link ReactiveChannels#stage} (3 workers), fed by a channel
 * publisher.
 *
 * <p>The error-state checks run on a stage over a failed upstream: the error reaches the stage's subscriber
 * without demand. Skipped as for {@link ChannelPublisherTckTest}: multicast (a stage is unicast) and the
 * TCK's {@code untested_*} rules.
 */
public class StageTckTest extends PublisherVerification<Long> {
    public StageTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return ReactiveChannels.stage(Tck.publisher(elements), 3, (in, out) -> {
            for (Long x : in) {
                out.send(x * 2);
            }
        });
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return ReactiveChannels.stage(Tck.failedPublisher(), 3, (in, out) -> {
            for (Long x : in) {
                out.send(x * 2);
            }
        });
    }
}
