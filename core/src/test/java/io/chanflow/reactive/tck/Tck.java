package io.chanflow.reactive.tck;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.reactive.ReactiveChannels;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.SubscriberPuppet;
import org.reactivestreams.tck.TestEnvironment;

/**
 * What the TCK verifications of the bridges share: one test environment sized for two cores, and channels
 * of a given number of elements.
 */
final class Tck {
    private Tck() {}

    /**
     * Signals are expected within 500 ms (generous for two busy cores); "no signal" is checked for 50 ms
     * (the TCK waits that long in each such check, so it sets the suite's speed).
     */
    static final long TIMEOUT_MILLIS = 500;
    static final long NO_SIGNALS_MILLIS = 50;
    /** How long the TCK waits for a cancelled subscriber to be garbage collected (Rule 3.13). */
    static final long GC_TIMEOUT_MILLIS = 1_000;
    /** Up to this many elements are buffered in a closed channel; more are sent by a goroutine. */
    private static final int PREFILLED = 1_024;

    static TestEnvironment env() {
        return new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_MILLIS);
    }

    /** A channel that yields 0 .. elements-1 and is then closed, and the context that stops its producer. */
    record Source(ReceiveChannel<Long> channel, CancelContext producer) {}

    static Source source(long elements) {
        CancelContext ctx = Context.withCancel(Context.background());
        if (elements <= PREFILLED) {
            Channel<Long> ch = Channel.make((int) elements);
            for (long i = 0; i < elements; i++) {
                ch.trySend(i);
            }
            ch.close();
            return new Source(ch, ctx);
        }
        Channel<Long> ch = Channel.make(16);
        go(() -> {
            try {
                for (long i = 0; i < elements; i++) {
                    ctx.send(ch, i);
                }
                ch.close();
            } catch (ContextDoneException stopped) {
                // the subscriber cancelled: the producer leaves, as its context says
            }
        });
        return new Source(ch, ctx);
    }

    /** {@link ReactiveChannels#publisher} over {@link #source}: 0 .. elements-1, then complete. */
    static Publisher<Long> publisher(long elements) {
        Source src = source(elements);
        return ReactiveChannels.publisher(src.channel(), src.producer());
    }

    /** A channel closed with a cause before anyone subscribes: the TCK's error-state publisher. */
    static Publisher<Long> failedPublisher() {
        Channel<Long> ch = Channel.make();
        ch.close(new IllegalStateException("TCK: a channel closed with a cause"));
        return ReactiveChannels.publisher(ch);
    }

    /** The capacity of the channels the subscriber verifications fill. */
    static final int CAPACITY = 16;

    /** The subscriber inside {@link ReactiveChannels#channel}, and the channel it fills. */
    record Bridge(Subscriber<Integer> subscriber, ReceiveChannel<Integer> channel) {}

    /** Catches the bridge's subscriber by subscribing it to a publisher that only records it. */
    static Bridge channelBridge(Context ctx) {
        AtomicReference<Subscriber<? super Integer>> caught = new AtomicReference<>();
        Publisher<Integer> recorder = caught::set;
        ReceiveChannel<Integer> ch = ReactiveChannels.channel(recorder, ctx, CAPACITY);
        @SuppressWarnings("unchecked")
        Subscriber<Integer> s = (Subscriber<Integer>) caught.get();
        return new Bridge(s, ch);
    }

    /**
     * The puppet of a subscriber that requests on its own (its prefetch, then more as its channel takes
     * values): {@code triggerRequest} has nothing to add; {@code signalCancel} cancels its context.
     */
    static SubscriberPuppet selfRequestingPuppet(CancelContext ctx) {
        return new SubscriberPuppet() {
            @Override
            public void triggerRequest(long elements) {
                // the subscriber requests on its own
            }

            @Override
            public void signalCancel() {
                ctx.cancel();
            }
        };
    }
}
