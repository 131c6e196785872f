package io.chanflow.reactive.tck;

import io.chanflow.pattern.Distribution;
import io.chanflow.reactive.ReactiveChannels;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;

/**
 * The TCK's set-up for one branch of a round-robin {@link ReactiveChannels#fanOut} of {@value #BRANCHES}:
 * the source has {@code BRANCHES * elements} values, so the tested branch gets exactly {@code elements};
 * the other branches, which must be subscribed for the distribution to go on, are drained by
 * {@link Tck#drain} (subscribed first, which starts the distribution). When the TCK cancels its branch the
 * whole fan-out is cancelled: the source too, and the drained branches end with {@code onError}.
 */
abstract class FanOutBranchVerification extends PublisherVerification<Long> {
    static final int BRANCHES = 2;

    private final int tested;

    FanOutBranchVerification(int tested) {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
        this.tested = tested;
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        List<Publisher<Long>> branches = ReactiveChannels.fanOut(
                Tck.publisher(BRANCHES * elements), BRANCHES, Distribution.ROUND_ROBIN, Tck.PREFETCH);
        for (int i = 0; i < BRANCHES; i++) {
            if (i != tested) {
                Tck.drain(branches.get(i), Long.MAX_VALUE);
            }
        }
        return branches.get(tested);
    }

    /** A fan-out over a failed source: the error reaches every branch without demand. */
    @Override
    public Publisher<Long> createFailedPublisher() {
        return ReactiveChannels.<Long>fanOut(Tck.failedPublisher(), BRANCHES, Distribution.ROUND_ROBIN, Tck.PREFETCH)
                .get(tested);
    }

    /** The source holds {@code BRANCHES} times the branch's elements. */
    @Override
    public long maxElementsFromPublisher() {
        return Long.MAX_VALUE / BRANCHES;
    }
}
