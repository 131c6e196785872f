package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;

/**
 * Reactive Streams TCK for {@link ReactiveChannels#workerPool} ({@value #WORKERS} workers behind a queue of
 * {@value #QUEUE} jobs, prefetch {@value Tck#PREFETCH}): one result per job, in the order they finish.
 *
 * <p>The error-state checks run on a pool over a failed source: the pool shuts down gracefully (no jobs)
 * and the error reaches the subscriber without demand. Not verified, by the TCK's own choice:
 * <ul>
 *   <li>{@code optional_spec111_multicast_*}: each subscriber gets its own pool over the source, which here
 *       is a channel its subscribers share, so the TCK skips its multicast checks.</li>
 *   <li>{@code untested_*}: the TCK has no test for these rules.</li>
 * </ul>
 */
public class WorkerPoolTckTest extends PublisherVerification<Long> {
    static final int WORKERS = 3;
    static final int QUEUE = 2;

    public WorkerPoolTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return ReactiveChannels.workerPool(Tck.publisher(elements), WORKERS, QUEUE, (ctx, x) -> x * 2, Tck.PREFETCH);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return ReactiveChannels.workerPool(Tck.failedPublisher(), WORKERS, QUEUE, (ctx, x) -> x * 2,
                Tck.PREFETCH);
    }
}
