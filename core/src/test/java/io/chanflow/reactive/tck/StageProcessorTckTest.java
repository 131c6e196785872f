package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.reactivestreams.Processor;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.reactivestreams.tck.IdentityProcessorVerification;
import org.testng.annotations.AfterClass;

/**
 * Reactive Streams TCK {@link IdentityProcessorVerification} for {@link ReactiveChannels#processor}: the
 * stage operator as a Processor, with a body that passes every value on ({@code for (x : in) out.send(x)}).
 *
 * <p>One worker: the TCK's whitebox checks expect each value back in the order it was sent, and a stage
 * with more workers is unordered by contract.
 *
 * <p>Skipped by the TCK itself (27 of 68): the {@code untested_*} rules; the {@code optional_spec111_*}
 * multi-subscriber rules; and two processor rules the TCK runs only through its
 * {@code optionalMultipleSubscribersTest}, so that it skips them when {@link #maxSupportedSubscribers()} is
 * below 2 ({@code required_spec104_mustCallOnErrorOnAllItsSubscribers...} and
 * {@code required_mustRequestFromUpstreamForElementsThatHaveBeenRequestedLongAgo}). The processor is
 * unicast: it refuses a second subscriber with onSubscribe then onError (Rule 1.9), which
 * {@code ReactiveChannelsProcessorTest} checks.
 */
public class StageProcessorTckTest extends IdentityProcessorVerification<Integer> {
    /** The TCK's helper publishers run on this. */
    private final ExecutorService helpers = Executors.newCachedThreadPool();

    public StageProcessorTckTest() {
        super(Tck.env(), Tck.GC_TIMEOUT_MILLIS, Tck.CAPACITY);
    }

    @AfterClass
    public void stopHelpers() {
        helpers.shutdownNow();
    }

    @Override
    public Processor<Integer, Integer> createIdentityProcessor(int bufferSize) {
        return ReactiveChannels.<Integer, Integer>processor(1, bufferSize, (in, out) -> {
            for (Integer x : in) {
                out.send(x);
            }
        });
    }

    /** A processor whose upstream failed before anyone subscribed to it. */
    @Override
    public Publisher<Integer> createFailedPublisher() {
        Processor<Integer, Integer> p = createIdentityProcessor(Tck.CAPACITY);
        p.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        p.onError(new IllegalStateException("TCK: the processor's upstream failed"));
        return p;
    }

    @Override
    public ExecutorService publisherExecutorService() {
        return helpers;
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }

    @Override
    public long maxSupportedSubscribers() {
        return 1;
    }
}
