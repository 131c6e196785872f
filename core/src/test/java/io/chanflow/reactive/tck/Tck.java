package io.chanflow.reactive.tck;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.reactive.ReactiveChannels;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
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

    /**
     * A channel that yields {@code element(0) .. element(elements-1)} and is then closed, and the context
     * that stops its producer.
     */
    record Source<T>(ReceiveChannel<T> channel, CancelContext producer) {}

    /** {@link #source(long, LongFunction)} of 0 .. elements-1. */
    static Source<Long> source(long elements) {
        return source(elements, i -> i);
    }

    static <T> Source<T> source(long elements, LongFunction<? extends T> element) {
        CancelContext ctx = Context.withCancel(Context.background());
        if (elements <= PREFILLED) {
            Channel<T> ch = Channel.make((int) elements);
            for (long i = 0; i < elements; i++) {
                ch.trySend(element.apply(i));
            }
            ch.close();
            return new Source<>(ch, ctx);
        }
        Channel<T> ch = Channel.make(16);
        go(() -> {
            try {
                for (long i = 0; i < elements; i++) {
                    ctx.send(ch, element.apply(i));
                }
                ch.close();
            } catch (ContextDoneException stopped) {
                // the subscriber cancelled: the producer leaves, as its context says
            }
        });
        return new Source<>(ch, ctx);
    }

    /** {@link ReactiveChannels#publisher} over {@link #source}: 0 .. elements-1, then complete. */
    static Publisher<Long> publisher(long elements) {
        return publisher(elements, i -> i);
    }

    /** {@link ReactiveChannels#publisher} over {@link #source}: element(0) .. element(elements-1), then complete. */
    static <T> Publisher<T> publisher(long elements, LongFunction<? extends T> element) {
        Source<T> src = source(elements, element);
        return ReactiveChannels.publisher(src.channel(), src.producer());
    }

    /** A channel closed with a cause before anyone subscribes: the TCK's error-state publisher. */
    static Publisher<Long> failedPublisher() {
        return failed();
    }

    /** {@link #failedPublisher()} of any element type. */
    static <T> Publisher<T> failed() {
        Channel<T> ch = Channel.make();
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

    /**
     * The prefetch of the fan-out, tee, bridge, fan-in and worker-pool verifications: small, so that the
     * TCK's few elements already cross the bridges' 75 % refills.
     */
    static final int PREFETCH = 4;

    /**
     * Consumes another branch of a publisher under test that pushes to all its branches (a tee, a
     * round-robin fan-out), so that the branch the TCK holds gets its values: requests
     * {@code Long.MAX_VALUE} at once, ignores what it gets (values, {@code onComplete}, and the
     * {@code onError} a fan-out branch ends with when the TCK cancels its own), and cancels once it has
     * taken {@code atMost} values.
     */
    static void drain(Publisher<?> branch, long atMost) {
        branch.subscribe(new Subscriber<Object>() {
            private Subscription subscription;
            private long taken;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Object value) {
                if (++taken == atMost) {
                    subscription.cancel();
                }
            }

            @Override
            public void onError(Throwable t) {
                // the branch ended because the TCK cancelled its own branch, or a failed upstream
            }

            @Override
            public void onComplete() {
                // every value drained
            }
        });
    }
}
