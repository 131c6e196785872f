package io.chanflow.reactive.hostile;

import static io.chanflow.Go.after;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chanflow.Channel;
import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.reactive.FlowChannels;
import io.chanflow.reactive.ReactiveChannels;
import io.chanflow.testing.Parked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionFactory;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The hostile peers and the probes the hostile-peer tests share. */
final class Peers {
    private Peers() {}

    /** How long a drain waits for the next value or the close before it calls the channel left open. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    /**
     * The bridges that subscribe to a publisher, each seen through the channel its values end up in, in both
     * faces: Reactive Streams ({@link ReactiveChannels}) and {@link Flow} ({@link FlowChannels}, fed through
     * {@link #flow(Publisher)}, so the hostile signals travel the Flow interfaces as they are).
     * None makes progress of its own before the test receives: {@code channel} buffers, and the target of
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
        },
        /** {@code FlowChannels.channel(flowPublisher, ctx, prefetch)}. */
        FLOW_CHANNEL(true) {
            @Override
            ReceiveChannel<Integer> attach(Publisher<Integer> p, Context ctx, int prefetch) {
                return FlowChannels.channel(flow(p), ctx, prefetch);
            }
        },
        /** {@code flowPublisher.subscribe(FlowChannels.subscriber(target, ctx, prefetch))}, unbuffered target. */
        FLOW_SUBSCRIBER(false) {
            @Override
            ReceiveChannel<Integer> attach(Publisher<Integer> p, Context ctx, int prefetch) {
                Channel<Integer> target = Channel.make();
                flow(p).subscribe(FlowChannels.subscriber(target, ctx, prefetch));
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
     * The channel publisher in both faces: {@code ReactiveChannels.publisher} and {@code FlowChannels.publisher}
     * (subscribed through {@link #flow(Subscriber)}), each seen as a Reactive Streams publisher.
     */
    enum Face {
        REACTIVE {
            @Override
            Publisher<Integer> publisher(ReceiveChannel<Integer> ch) {
                return ReactiveChannels.publisher(ch);
            }

            @Override
            Publisher<Integer> publisher(ReceiveChannel<Integer> ch, CancelContext producers) {
                return ReactiveChannels.publisher(ch, producers);
            }
        },
        FLOW {
            @Override
            Publisher<Integer> publisher(ReceiveChannel<Integer> ch) {
                return reactive(FlowChannels.publisher(ch));
            }

            @Override
            Publisher<Integer> publisher(ReceiveChannel<Integer> ch, CancelContext producers) {
                return reactive(FlowChannels.publisher(ch, producers));
            }
        };

        abstract Publisher<Integer> publisher(ReceiveChannel<Integer> ch);

        abstract Publisher<Integer> publisher(ReceiveChannel<Integer> ch, CancelContext producers);
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
     * One subscriber. It emits the values 0, 1, 2, ... in order, each once.
     */
    static final class ScriptedPublisher implements Publisher<Integer> {
        final Probe first = new Probe();
        final Probe second = new Probe();
        private final boolean onSubscribeFirst;
        volatile Subscriber<? super Integer> subscriber;
        /** The values emitted so far: the next one to emit. */
        private final AtomicInteger emitted = new AtomicInteger();

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

        /** Waits until someone subscribed (some operators subscribe from a goroutine of their own). */
        ScriptedPublisher awaitSubscribed() {
            soon().until(() -> subscriber != null);
            return this;
        }

        void onSubscribe(Probe p) {
            subscriber.onSubscribe(p);
        }

        void next(int from, int toExclusive) {
            for (int i = from; i < toExclusive; i++) {
                subscriber.onNext(i);
                emitted.set(i + 1);
            }
        }

        /** Emits the next {@code count} values, each only once {@code first} has demand for it (§1.1 kept). */
        void nextWithinDemand(int count) {
            for (int i = 0; i < count; i++) {
                int v = emitted.get();
                soon().until(() -> first.requested.get() > v);
                next(v, v + 1);
            }
        }

        /**
         * Emits within demand until the subscriber stops asking, and returns how many values that made (all
         * it requested): for an operator whose subscribers request nothing, that is once every goroutine it
         * started since {@code before} is parked, so no further request can come.
         */
        int fillDemand(Goroutines.Snapshot before) {
            for (;;) {
                awaitStalled(before);
                long outstanding = first.requested.get() - emitted.get();
                if (outstanding == 0) {
                    return emitted.get();
                }
                next(emitted.get(), emitted.get() + (int) outstanding);
            }
        }

        int emitted() {
            return emitted.get();
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

    /**
     * Breaks §1.3 only: honours demand exactly, but calls onNext from {@code threads} threads at once. The
     * last thread to finish calls onComplete, after every other onNext returned.
     */
    static final class RacingPublisher implements Publisher<Integer> {
        private final int total;
        private final int threads;
        final AtomicLong requested = new AtomicLong();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        /** Which thread emitted each value. */
        final Map<Integer, Integer> emitter = new ConcurrentHashMap<>();
        private final List<Thread> running = new ArrayList<>();

        RacingPublisher(int total, int threads) {
            this.total = total;
            this.threads = threads;
        }

        @Override
        public void subscribe(Subscriber<? super Integer> s) {
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    requested.addAndGet(n);
                    demand.addAndGet(n);
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
            AtomicInteger unfinished = new AtomicInteger(threads);
            for (int t = 0; t < threads; t++) {
                int me = t;
                running.add(Thread.ofPlatform().name("racing-publisher-" + t).start(() -> {
                    // leaves once every value is taken, whatever the demand: the other thread may take the last
                    while (!cancelled.get() && next.get() < total) {
                        long d = demand.get();
                        if (d == 0) {
                            LockSupport.parkNanos(10_000);
                            continue;
                        }
                        if (!demand.compareAndSet(d, d - 1)) {
                            continue;
                        }
                        int v = next.getAndIncrement();
                        if (v >= total) {
                            break;
                        }
                        emitter.put(v, me);
                        s.onNext(v);
                    }
                    if (unfinished.decrementAndGet() == 0 && !cancelled.get()) {
                        s.onComplete();
                    }
                }));
            }
        }

        void join() throws InterruptedException {
            for (Thread t : running) {
                t.join();
            }
        }
    }

    /** A null where the protocol wants a value or a cause. */
    enum NullSignal {
        ON_NEXT {
            @Override
            void send(ScriptedPublisher p) {
                p.nextNull();
            }
        },
        ON_ERROR {
            @Override
            void send(ScriptedPublisher p) {
                p.error(null);
            }
        };

        abstract void send(ScriptedPublisher p);
    }

    /**
     * A compliant publisher of at most one value: it emits {@code value} (if not null) and completes on the
     * first positive request (an empty one completes at once), signals IllegalArgumentException for a
     * request(n <= 0) (§3.9), and is silent once cancelled.
     */
    static <T> Publisher<T> just(T value) {
        return s -> {
            AtomicBoolean done = new AtomicBoolean();
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    if (!done.compareAndSet(false, true)) {
                        return;
                    }
                    if (n <= 0) {
                        s.onError(new IllegalArgumentException("§3.9: request(" + n + ")"));
                        return;
                    }
                    if (value != null) {
                        s.onNext(value);
                    }
                    s.onComplete();
                }

                @Override
                public void cancel() {
                    done.set(true);
                }
            });
            if (value == null && done.compareAndSet(false, true)) {
                s.onComplete();
            }
        };
    }

    /** An empty, compliant publisher: onSubscribe, then onComplete. */
    static <T> Publisher<T> empty() {
        return just(null);
    }

    /**
     * Every signal of {@code p} passed on as it is, whatever it breaks, but each value {@code v} as
     * {@link #just just(v)} (and a null value as null): a publisher of publishers for the outer side of
     * {@code bridge}.
     */
    static Publisher<Publisher<Integer>> eachAsJust(Publisher<Integer> p) {
        return s -> p.subscribe(new Subscriber<Integer>() {
            @Override
            public void onSubscribe(Subscription sub) {
                s.onSubscribe(sub);
            }

            @Override
            public void onNext(Integer v) {
                s.onNext(v == null ? null : just(v));
            }

            @Override
            public void onError(Throwable t) {
                s.onError(t);
            }

            @Override
            public void onComplete() {
                s.onComplete();
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Flow views. A hostile publisher needs an adapter of our own: FlowChannels turns a Flow.Publisher back
    // with FlowAdapters, which unwraps FlowAdapters' own wrappers to the Reactive Streams objects and so
    // would bypass the Flow interfaces. Ours passes every signal on as it is, nulls included, so a hostile
    // peer stays exactly as hostile. (A subscriber may use FlowAdapters: nothing unwraps it on the way.)
    // ---------------------------------------------------------------------------------------------

    /** {@code p} as a {@link Flow.Publisher}. */
    static <T> Flow.Publisher<T> flow(Publisher<T> p) {
        return s -> p.subscribe(reactive(s));
    }

    /** {@code p} as a Reactive Streams publisher; its subscribers get there through a Flow.Subscriber. */
    static <T> Publisher<T> reactive(Flow.Publisher<T> p) {
        return s -> p.subscribe(FlowAdapters.toFlowSubscriber(s));
    }

    /** {@code s} as a Reactive Streams subscriber. */
    static <T> Subscriber<T> reactive(Flow.Subscriber<? super T> s) {
        return new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription sub) {
                s.onSubscribe(sub == null ? null : new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        sub.request(n);
                    }

                    @Override
                    public void cancel() {
                        sub.cancel();
                    }
                });
            }

            @Override
            public void onNext(T t) {
                s.onNext(t);
            }

            @Override
            public void onError(Throwable t) {
                s.onError(t);
            }

            @Override
            public void onComplete() {
                s.onComplete();
            }
        };
    }

    // ---------------------------------------------------------------------------------------------

    /** A buffered, open channel holding {@code [from, to)}. */
    static Channel<Integer> channelOf(int from, int to) {
        Channel<Integer> ch = Channel.make(Math.max(1, to - from));
        for (int i = from; i < to; i++) {
            assertThat(ch.trySend(i)).isTrue();
        }
        return ch;
    }

    /** {@code [from, toExclusive)} as a list. */
    static List<Integer> range(int from, int toExclusive) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            l.add(i);
        }
        return l;
    }

    /** Awaitility polling every millisecond from the start, for up to 5 s: the conditions here hold soon. */
    static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5));
    }

    /** Waits until every goroutine started since {@code before} has ended. */
    static void awaitEnded(Goroutines.Snapshot before) {
        soon().until(() -> Goroutines.startedSince(before).isEmpty());
    }

    /** See {@link Parked#awaitAllParked}: nothing moves until the test signals again. */
    static void awaitStalled(Goroutines.Snapshot before) {
        Parked.awaitAllParked(before);
    }
}
