package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import io.chanflow.reactive.Tee;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;

/**
 * The TCK's set-up for one branch of {@link ReactiveChannels#tee}: the other branch, which must be subscribed
 * for the tee to flow, is drained by {@link Tck#drain}, subscribed before the TCK subscribes to the tested
 * branch. The tested branch gets exactly {@code elements} values (every value of the upstream).
 *
 * <p>A tee goes on with one branch alone when the other cancels (see {@link Tee}), so after the TCK
 * cancels its branch the drain would take the rest of the upstream; for the TCK's one unbounded stream
 * ({@code required_spec317_mustNotSignalOnErrorWhenPendingAboveLongMaxValue}, {@code Integer.MAX_VALUE}
 * elements) the drain cancels after {@value #DRAIN_LIMIT} values, which cancels the upstream once both
 * branches are gone. Every other TCK stream is shorter, so the drain takes it all.
 */
abstract class TeeBranchVerification extends PublisherVerification<Long> {
    /** More than any finite stream the TCK creates; see the class comment. */
    static final long DRAIN_LIMIT = 1_000;

    private final Function<Tee<Long>, Publisher<Long>> tested;
    private final Function<Tee<Long>, Publisher<Long>> other;

    TeeBranchVerification(Function<Tee<Long>, Publisher<Long>> tested, Function<Tee<Long>, Publisher<Long>> other) {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS);
        this.tested = tested;
        this.other = other;
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        Tee<Long> tee = ReactiveChannels.tee(Tck.publisher(elements), Tck.PREFETCH);
        Tck.drain(other.apply(tee), DRAIN_LIMIT);
        return tested.apply(tee);
    }

    /** A tee over a failed upstream: the error reaches both branches without demand. */
    @Override
    public Publisher<Long> createFailedPublisher() {
        return tested.apply(ReactiveChannels.tee(Tck.failedPublisher(), Tck.PREFETCH));
    }
}
