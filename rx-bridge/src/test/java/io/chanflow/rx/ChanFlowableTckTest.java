package io.chanflow.rx;

import io.chanflow.Channel;
import io.chanflow.Go;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * Reactive Streams TCK for {@link ChanFlowable#from} over a channel fed by a goroutine. The stage, tee and
 * bridge publishers come from the core bridge, whose TCK runs in core; {@link ChanFlowableStageTckTest}
 * checks the stage as RxJava users compose it.
 *
 * <p>The error-state checks run on a channel closed with a cause ({@link #createFailedPublisher}): the
 * flowable signals {@code onError(cause)} without demand. Skipped by the TCK: multicast (the flowable is unicast
 * over a shared channel) and its {@code untested_*} rules.
 */
public class ChanFlowableTckTest extends PublisherVerification<Long> {
    public ChanFlowableTckTest() {
        super(new TestEnvironment(500, 50), 1_000);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        CancelContext producer = Context.withCancel(Context.background());
        Channel<Long> ch = Channel.make(16);
        Go.go(() -> {
            try {
                for (long i = 0; i < elements; i++) {
                    producer.send(ch, i);
                }
                ch.close();
            } catch (ContextDoneException cancelled) {
                // the subscriber cancelled
            }
        });
        return ChanFlowable.from(ch, producer);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        Channel<Long> ch = Channel.make();
        ch.close(new IllegalStateException("TCK: a channel closed with a cause"));
        return ChanFlowable.from(ch);
    }
}
