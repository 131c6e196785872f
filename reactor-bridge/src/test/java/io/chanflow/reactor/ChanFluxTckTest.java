package io.chanflow.reactor;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * Reactive Streams TCK for the publishers of {@link ChanFlux}: {@link ChanFlux#from} over a channel fed by
 * a goroutine. The stage, tee and bridge publishers come from the core bridge, whose TCK runs in core.
 *
 * <p>The error-state checks run on a channel closed with a cause ({@link #createFailedPublisher}): the
 * flux signals {@code onError(cause)} without demand. Skipped by the TCK: multicast (the flux is unicast
 * over a shared channel) and its {@code untested_*} rules.
 */
public class ChanFluxTckTest extends PublisherVerification<Long> {
    public ChanFluxTckTest() {
        super(new TestEnvironment(500, 50), 1_000);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        CancelContext producer = Context.withCancel(Context.background());
        Channel<Long> ch = Channel.make(16);
        io.chanflow.Go.go(() -> {
            try {
                for (long i = 0; i < elements; i++) {
                    producer.send(ch, i);
                }
                ch.close();
            } catch (ContextDoneException cancelled) {
                // the subscriber cancelled
            }
        });
        return ChanFlux.from(ch, producer);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        Channel<Long> ch = Channel.make();
        ch.close(new IllegalStateException("TCK: a channel closed with a cause"));
        return ChanFlux.from(ch);
    }
}
