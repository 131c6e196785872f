package io.chanflow.reactive.hostile;

import static io.chanflow.Go.after;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.context.Context;
import io.chanflow.reactive.ReactiveChannels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The hostile peers and the probes the hostile-peer tests share. */
final class Peers {
    private Peers() {}

    /** How long a drain waits for the next value or the close before it calls the channel left open. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    /**
     * The two bridges that subscribe to a publisher, each seen through the channel its values end up in.
     * Neither makes progress of its own before the test receives: {@code channel} buffers, and the target of
     * {@code subscriber} is unbuffered, so its forwarding goroutine blocks on the first value. So the demand
     * a publisher sees is exactly the initial {@code prefetch} until the test drains.
     */
    enum Bridge {
        /** {@code ReactiveChannels.channel(publisher, ctx, prefetch)}: values are received from its channel. */
        CHANNEL(true) {
            @Override
            ReceiveChannel<Integer> attach(Publisher<Integer> p, Context ctx, int prefetch) {
                return ReactiveChannels.channel(p, ctx, prefetch);
            }
        },
        /** {@code p.subscribe(ReactiveChannels.subscriber(target, ctx, prefetch))} with an unbuffered target. */
        SUBSCRIBER(false) {
            @Override
            ReceiveChannel<Integer> attach(Publisher<Integer> p, Context ctx, int prefetch) {
                Channel<Integer> target = Channel.make();
                p.subscribe(ReactiveChannels.subscriber(target, ctx, prefetch));
                return target;
            }
        };

        /**
         * Whether values buffered when the context is cancelled are still received (channel: yes; subscriber:
         * no, its Javadoc says they are dropped and the target closed with the context's cause).
         */
        final boolean keepsBufferedValuesOnCancel;

        Bridge(boolean keepsBufferedValuesOnCancel) {
            this.keepsBufferedValuesOnCancel = keepsBufferedValuesOnCancel;
        }

        abstract ReceiveChannel<Integer> attach(Publisher<Integer> p, Context ctx, int prefetch);

        ReceiveChannel<Integer> attach(Publisher<Integer> p, int prefetch) {
            return attach(p, Context.background(), prefetch);
        }
    }

    /**
     * What a channel gave until it reported closed.
     *
     * @param values the values, in order
     * @param closed whether it reported closed within {@link #PATIENCE} of the last value
     * @param cause the close cause, if it was closed with one
     */
    record Drained(List<Integer> values, boolean closed, Throwable cause) {}

    /** Receives until the channel reports closed, or nothing arrives for {@link #PATIENCE}. */
    static Drained drain(ReceiveChannel<Integer> ch) throws InterruptedException {
        List<Integer> values = new ArrayList<>();
        for (;;) {
            Received<Integer> r = select(ch.onReceiveOk(x -> x), after(PATIENCE, () -> null));
            if (r == null) {
                return new Drained(values, false, null);
            }
            if (!r.ok()) {
                return new Drained(values, true, r.cause());
            }
            values.add(r.value());
        }
    }

    /** A Subscription that records what it is asked. */
    static final class Probe implements Subscription {
        final List<Long> requests = new CopyOnWriteArrayList<>();
        final AtomicLong requested = new AtomicLong();
        final AtomicInteger cancels = new AtomicInteger();

        @Override
        public void request(long n) {
            requests.add(n);
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }

        boolean cancelled() {
            return cancels.get() > 0;
        }
    }

    /**
     * A publisher the test drives signal by signal, from whatever thread it likes, whatever the protocol says.
     * One subscriber.
     */
    static final class ScriptedPublisher implements Publisher<Integer> {
        final Probe first = new Probe();
        final Probe second = new Probe();
        private final boolean onSubscribeFirst;
        volatile Subscriber<? super Integer> subscriber;

        /** Calls {@code onSubscribe(first)} when subscribed to, as the protocol requires. */
        ScriptedPublisher() {
            this(true);
        }

        /** With {@code false}, subscribe() only stores the subscriber: the test sends onSubscribe, or never. */
        ScriptedPublisher(boolean onSubscribeFirst) {
            this.onSubscribeFirst = onSubscribeFirst;
        }

        @Override
        public void subscribe(Subscriber<? super Integer> s) {
            subscriber = s;
            if (onSubscribeFirst) {
                s.onSubscribe(first);
            }
        }

        void onSubscribe(Probe p) {
            subscriber.onSubscribe(p);
        }

        void next(int from, int toExclusive) {
            for (int i = from; i < toExclusive; i++) {
                subscriber.onNext(i);
            }
        }

        void nextNull() {
            subscriber.onNext(null);
        }

        void complete() {
            subscriber.onComplete();
        }

        void error(Throwable t) {
            subscriber.onError(t);
        }
    }

    /** {@code [from, toExclusive)} as a list. */
    static List<Integer> range(int from, int toExclusive) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            l.add(i);
        }
        return l;
    }
}
