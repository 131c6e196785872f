package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.testng.annotations.Test;

/**
 * Reactive Streams TCK for the output of {@link ReactiveChannels#stageOrdered} (3 mappers). Skips as
 * {@link StageTckTest}.
 */
public class StageOrderedTckTest extends PublisherVerification<Long> {
    public StageOrderedTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return ReactiveChannels.stageOrdered(Tck.publisher(elements), 3, x -> x * 2);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return ReactiveChannels.stageOrdered(Tck.failedPublisher(), 3, x -> x * 2);
    }
}
