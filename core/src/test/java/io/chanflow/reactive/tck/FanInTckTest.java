package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;

/**
 * Reactive Streams TCK for {@link ReactiveChannels#fanIn} of {@value #SOURCES} sources (prefetch
 * {@value Tck#PREFETCH}): source {@code k} has the values {@code k, k + SOURCES, ...} below
 * {@code elements}, so together they have exactly {@code elements}.
 *
 * <p>The error-state checks run on a fan-in of a source with values and a failed one: the failure ends the
 * merge with its cause, without demand (the healthy source is cancelled). Not verified, by the TCK's own
 * choice:
 * <ul>
 *   <li>{@code optional_spec111_multicast_*}: each subscriber gets its own merge over the sources, which
 *       here are channels its subscribers share, so the TCK skips its multicast checks.</li>
 *   <li>{@code untested_*}: the TCK has no test for these rules.</li>
 * </ul>
 */
public class FanInTckTest extends PublisherVerification<Long> {
    static final int SOURCES = 3;

    public FanInTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        List<Publisher<Long>> sources = new ArrayList<>(SOURCES);
        for (int k = 0; k < SOURCES; k++) {
            long first = k;
            long share = elements / SOURCES + (k < elements % SOURCES ? 1 : 0);
            sources.add(Tck.publisher(share, i -> first + i * SOURCES));
        }
        return ReactiveChannels.fanIn(sources, Tck.PREFETCH);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return ReactiveChannels.fanIn(List.of(Tck.publisher(3), Tck.failedPublisher()), Tck.PREFETCH);
    }
}
