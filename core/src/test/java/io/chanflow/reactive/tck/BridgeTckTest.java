package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;

/**
 * Reactive Streams TCK for {@link ReactiveChannels#bridge} (prefetch {@value Tck#PREFETCH}): the
 * {@code elements} values come from inner publishers of {@value #INNER} values each (the last one holds the
 * rest), so most of the TCK's streams cross from one inner publisher to the next; the outer publisher makes
 * them lazily, so the TCK's {@code Integer.MAX_VALUE}-element stream costs only what is requested.
 *
 * <p>The error-state checks run on a bridge whose outer publisher failed: the error reaches the subscriber
 * without demand. Not verified, by the TCK's own choice:
 * <ul>
 *   <li>{@code optional_spec111_multicast_*}: each subscriber gets its own run over the outer publisher,
 *       which here is a channel its subscribers share, so the TCK skips its multicast checks.</li>
 *   <li>{@code untested_*}: the TCK has no test for these rules.</li>
 * </ul>
 */
public class BridgeTckTest extends PublisherVerification<Long> {
    static final long INNER = 3;

    public BridgeTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        long inners = (elements + INNER - 1) / INNER;
        return ReactiveChannels.bridge(Tck.publisher(inners, i -> {
            long first = i * INNER;
            return Tck.publisher(Math.min(INNER, elements - first), j -> first + j);
        }), Tck.PREFETCH);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return ReactiveChannels.bridge(Tck.<Publisher<Long>>failed(), Tck.PREFETCH);
    }
}
