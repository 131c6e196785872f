package io.chanflow.rx;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.reactivex.rxjava3.core.Flowable;
import java.util.stream.LongStream;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * Reactive Streams TCK for {@link ChanFlowable#stage} as RxJava users write it,
 * {@code flowable.compose(ChanFlowable.stage(...))}. Skips as {@link ChanFlowableTckTest}.
 */
public class ChanFlowableStageTckTest extends PublisherVerification<Long> {
    public ChanFlowableStageTckTest() {
        super(new TestEnvironment(500, 50), 1_000);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return copiedByAStage(Flowable.fromIterable(() -> LongStream.range(0, elements).boxed().iterator()));
    }

    /** The error-state publisher: a stage over a failed upstream signals the error without demand. */
    @Override
    public Publisher<Long> createFailedPublisher() {
        return copiedByAStage(Flowable.error(new IllegalStateException("TCK: upstream failed")));
    }

    private static Publisher<Long> copiedByAStage(Flowable<Long> source) {
        return source.compose(ChanFlowable.stage(2, (ReceiveChannel<Long> in, SendChannel<Long> out) -> {
            for (Long x : in) {
                out.send(x);
            }
        }));
    }
}
