package io.chanflow.reactor;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import java.util.stream.LongStream;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.publisher.Flux;

/**
 * Reactive Streams TCK for {@link ChanFlux#stage} used as Reactor users write it,
 * {@code flux.transform(ChanFlux.stage(...))}. Skips as {@link ChanFluxTckTest}.
 */
public class ChanFluxStageTckTest extends PublisherVerification<Long> {
    public ChanFluxStageTckTest() {
        super(new TestEnvironment(500, 50), 1_000);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return copiedByAStage(Flux.fromIterable(() -> LongStream.range(0, elements).boxed().iterator()));
    }

    /** The error-state publisher: a stage over a failed upstream signals the error without demand. */
    @Override
    public Publisher<Long> createFailedPublisher() {
        return copiedByAStage(Flux.error(new IllegalStateException("TCK: upstream failed")));
    }

    private static Publisher<Long> copiedByAStage(Flux<Long> source) {
        return source.transform(ChanFlux.stage(2, (ReceiveChannel<Long> in, SendChannel<Long> out) -> {
            for (Long x : in) {
                out.send(x);
            }
        }));
    }
}
