package io.chanflow.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.chanflow.Channel;
import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.pattern.Distribution;
import io.chanflow.testing.HostileSubscribers;
import io.chanflow.testing.Parked;
import io.chanflow.testing.Recorder;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Hostile peers against every {@link ChanFlowable} operator, as an RxJava user meets them. RxJava has no
 * non-compliant test publisher, so a {@link Rogue} publisher signals whatever the test says (beyond demand,
 * after cancel, nulls, after a terminal signal); it is fed as it is to the operators that take a
 * {@link Publisher} and through {@code Flowable.fromPublisher} to those that compose a {@link Flowable};
 * RxJava's {@link TestSubscriber} watches each branch. Subscribers that break the rules are raw
 * {@link Subscriber}s subscribed to the returned Flowable, which RxJava wraps in its StrictSubscriber: the
 * test pins what such a subscriber sees. Outcomes as in core's hostile-peer tests (the Reactive Streams rule
 * in each name); in every case each value arrives at most once, each branch ends at most once, and no
 * goroutine is left behind.
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileChanFlowableTest {
    private static final int PREFETCH = 8;
    private static final long PATIENCE_SECONDS = 10;

    /** Awaitility polling every millisecond from the start: the conditions here hold soon. */
    private static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .atMost(Duration.ofSeconds(PATIENCE_SECONDS));
    }

    /** A publisher that signals what the test says, whatever the protocol says; it records what it is asked. */
    static final class Rogue implements Publisher<Integer> {
        final AtomicLong requested = new AtomicLong();
        final AtomicInteger cancels = new AtomicInteger();
        private final AtomicInteger emitted = new AtomicInteger();
        volatile Subscriber<? super Integer> subscriber;

        @Override
        public void subscribe(Subscriber<? super Integer> s) {
            subscriber = s;
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    requested.addAndGet(n);
                }

                @Override
                public void cancel() {
                    cancels.incrementAndGet();
                }
            });
        }

        /** Emits the next {@code count} values now, demand or not. */
        void next(int count) {
            for (int i = 0; i < count; i++) {
                subscriber.onNext(emitted.getAndIncrement());
            }
        }

        /** Emits the next value once there is demand for it (some operators subscribe from a goroutine). */
        void nextWithinDemand() {
            soon().until(() -> subscriber != null && requested.get() > emitted.get());
            next(1);
        }

        int emitted() {
            return emitted.get();
        }
    }

    /** How an operator's branches share the values. */
    enum Fan { ONE, COPIES, SPLIT }

    /** Every ChanFlowable bridge that subscribes to a publisher, as the Flowables a user subscribes to. */
    enum Op {
        /** {@code ChanFlowable.from(ChanFlowable.toChannel(up, ctx, PREFETCH))}: a cancel comes from {@code ctx}. */
        TO_CHANNEL(Fan.ONE, true, (up, ctx) -> List.of(ChanFlowable.from(ChanFlowable.toChannel(up, ctx, PREFETCH)))),
        /** {@code ChanFlowable.into(up, target, ctx, PREFETCH)}, {@code target} unbuffered, read with {@code from}. */
        INTO(Fan.ONE, true, (up, ctx) -> {
            Channel<Integer> target = Channel.make();
            ChanFlowable.into(up, target, ctx, PREFETCH);
            return List.of(ChanFlowable.from(target));
        }),
        /** {@code Flowable.fromPublisher(up).compose(ChanFlowable.stage(1, PREFETCH, identity))}. */
        STAGE(Fan.ONE, true,
                (up, ctx) -> List.of(Flowable.fromPublisher(up).compose(ChanFlowable.stage(1, PREFETCH, Op::identity)))),
        /** {@code Flowable.fromPublisher(up).compose(ChanFlowable.stageOrdered(2, identity))}. */
        STAGE_ORDERED(Fan.ONE, true, (up, ctx) -> List.of(
                Flowable.fromPublisher(up).compose(ChanFlowable.<Integer, Integer>stageOrdered(2, v -> v)))),
        /** {@code ChanFlowable.tee(up)}: both branches. */
        TEE(Fan.COPIES, true, (up, ctx) -> ChanFlowable.tee(up)),
        /** {@code ChanFlowable.bridge(Flowable.fromPublisher(up).map(Flowable::just))}: {@code up} is the outer one. */
        BRIDGE_OUTER(Fan.ONE, true,
                (up, ctx) -> List.of(ChanFlowable.bridge(Flowable.fromPublisher(up).map(Flowable::just)))),
        /** {@code ChanFlowable.bridge(Flowable.just(up))}: {@code up} is the inner publisher. */
        BRIDGE_INNER(Fan.ONE, true, (up, ctx) -> List.of(ChanFlowable.bridge(Flowable.just(up)))),
        /** {@code ChanFlowable.fanIn(up, Flowable.empty())}. */
        FAN_IN(Fan.ONE, true, (up, ctx) -> List.of(ChanFlowable.fanIn(up, Flowable.<Integer>empty()))),
        /** {@code ChanFlowable.fanOut(up, 2, ROUND_ROBIN)}: both branches. */
        FAN_OUT(Fan.SPLIT, true, (up, ctx) -> ChanFlowable.fanOut(up, 2, Distribution.ROUND_ROBIN)),
        /** {@code Flowable.fromPublisher(up).compose(ChanFlowable.workerPool(2, 1, identity))}: finish order. */
        WORKER_POOL(Fan.ONE, false, (up, ctx) -> List.of(
                Flowable.fromPublisher(up).compose(ChanFlowable.<Integer, Integer>workerPool(2, 1, (c, v) -> v))));

        final Fan fan;
        final boolean ordered;
        private final BiFunction<Publisher<Integer>, Context, List<Flowable<Integer>>> outputs;

        Op(Fan fan, boolean ordered, BiFunction<Publisher<Integer>, Context, List<Flowable<Integer>>> outputs) {
            this.fan = fan;
            this.ordered = ordered;
            this.outputs = outputs;
        }

        /** The channel bridges are cancelled by their context; the operators by cancelling their branches. */
        boolean cancelledByContext() {
            return this == TO_CHANNEL || this == INTO;
        }

        private static void identity(ReceiveChannel<Integer> in, SendChannel<Integer> out)
                throws InterruptedException {
            for (Integer v : in) {
                out.send(v);
            }
        }
    }

    /** An operator over a {@link Rogue}, each branch watched by a TestSubscriber that requested nothing. */
    static final class Run {
        final Op op;
        final Rogue up = new Rogue();
        final CancelContext ctx = Context.withCancel(Context.background());
        final List<TestSubscriber<Integer>> branches = new ArrayList<>();

        Run(Op op) {
            this.op = op;
            for (Flowable<Integer> out : op.outputs.apply(up, ctx)) {
                TestSubscriber<Integer> ts = new TestSubscriber<>(0L);
                branches.add(ts);
                out.subscribe(ts);
            }
        }

        void requestAll(long n) {
            branches.forEach(ts -> ts.request(n));
        }

        void awaitTerminals() throws InterruptedException {
            for (TestSubscriber<Integer> ts : branches) {
                assertThat(ts.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("a terminal signal").isTrue();
            }
        }

        int received() {
            return branches.stream().mapToInt(ts -> ts.values().size()).sum();
        }

        /** Together exactly {@code expected}, each value once (every branch each value, for a tee), in order where kept. */
        void assertDelivered(List<Integer> expected) {
            List<Integer> all = new ArrayList<>();
            for (TestSubscriber<Integer> ts : branches) {
                if (op.ordered) {
                    assertThat(ts.values()).as("upstream order").isSorted();
                }
                if (op.fan == Fan.COPIES) {
                    assertThat(ts.values()).containsExactlyElementsOf(expected);
                }
                all.addAll(ts.values());
            }
            if (op.fan != Fan.COPIES) {
                assertThat(all).as("every value once").containsExactlyInAnyOrderElementsOf(expected);
            }
        }

        /** Every branch ended exactly once with onError of a {@code type}. */
        void assertEachFailedWith(Class<? extends Throwable> type) {
            branches.forEach(ts -> ts.assertError(type).assertNotComplete());
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    // ---------------------------------------------------------------------------------------------
    // Hostile publishers
    // ---------------------------------------------------------------------------------------------

    @DisplayName("§1.1 emits beyond demand: every requested value once, then onError(IllegalStateException) on every branch; the publisher cancelled")
    @ParameterizedTest
    @EnumSource(Op.class)
    void emittingBeyondDemandFailsEveryBranchAfterTheRequestedValues(Op op) throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        Run run = new Run(op);
        run.up.nextWithinDemand();
        do { // within demand until the operator stops asking: its branches requested nothing
            run.up.next((int) run.up.requested.get() - run.up.emitted());
            Parked.awaitAllParked(before);
        } while (run.up.requested.get() > run.up.emitted());
        int filled = run.up.emitted();

        assertThatCode(() -> run.up.next(3)).as("the publisher is not thrown at").doesNotThrowAnyException();
        run.requestAll(Long.MAX_VALUE);

        run.awaitTerminals();
        run.assertDelivered(range(filled));
        run.assertEachFailedWith(IllegalStateException.class);
        assertThat(run.up.requested).as("nothing requested after the violation").hasValue(filled);
        assertThat(run.up.cancels).hasValue(1);
    }

    @DisplayName("§2.8 emits after the cancel: dropped, not thrown at the publisher; no signal to a cancelled branch")
    @ParameterizedTest
    @EnumSource(Op.class)
    void signalsAfterCancelAreDropped(Op op) throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        Run run = new Run(op);
        run.requestAll(1);
        run.up.nextWithinDemand();
        int delivered = op.fan == Fan.COPIES ? 2 : 1;
        soon().until(() -> run.received() == delivered);

        List<TestSubscriber<Integer>> cancelled = List.of();
        if (op.cancelledByContext()) {
            run.ctx.cancel();
        } else {
            cancelled = op.fan == Fan.SPLIT ? run.branches.subList(0, 1) : run.branches;
            cancelled.forEach(TestSubscriber::cancel);
        }
        soon().until(() -> run.up.cancels.get() > 0);
        assertThatCode(() -> {
            run.up.next(100);
            run.up.subscriber.onError(new IllegalStateException("late error"));
            run.up.subscriber.onComplete();
        }).as("trailing signals are not thrown at the publisher").doesNotThrowAnyException();

        for (TestSubscriber<Integer> ts : run.branches) {
            if (!cancelled.contains(ts)) {
                ts.awaitDone(PATIENCE_SECONDS, TimeUnit.SECONDS);
                ts.assertError(ContextDoneException.class); // a channel bridge's context, a fan-out's
            }
        }
        soon().until(() -> Goroutines.startedSince(before).isEmpty());
        assertThat(run.received()).as("nothing after the cancel").isEqualTo(delivered);
        run.branches.forEach(ts -> assertThat(ts.values()).isSubsetOf(0));
        cancelled.forEach(ts -> ts.assertNoErrors().assertNotComplete());
        assertThat(run.up.cancels).hasValue(1);
    }

    static Stream<Arguments> nullSignals() {
        BiConsumer<Subscriber<? super Integer>, Integer> onNextNull = (s, v) -> s.onNext(null);
        BiConsumer<Subscriber<? super Integer>, Integer> onErrorNull = (s, v) -> s.onError(null);
        return Stream.of(Op.values()).flatMap(op -> Stream.of(
                Arguments.of(op, "onNext(null)", onNextNull), Arguments.of(op, "onError(null)", onErrorNull)));
    }

    @DisplayName("§2.13 onNext(null), onError(null): every branch fails with NullPointerException after the values before; the publisher cancelled")
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nullSignals")
    void aNullSignalFailsEveryBranchWithNullPointerException(
            Op op, String signal, BiConsumer<Subscriber<? super Integer>, Integer> send) throws Exception {
        Run run = new Run(op);
        run.up.nextWithinDemand();
        soon().until(() -> run.up.requested.get() > run.up.emitted()); // bridge's outer side: one at a time

        // thrown to the caller by the bridge (§2.13), unless RxJava took the null on the way (map fails on a
        // null value). ChanFlowable subscribes as a FlowableSubscriber, so no StrictSubscriber stands between
        // (it used to turn onError(null) into onComplete)
        Throwable thrown = catchThrowable(() -> send.accept(run.up.subscriber, null));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(NullPointerException.class);
        }
        run.requestAll(Long.MAX_VALUE);

        run.awaitTerminals();
        run.assertDelivered(List.of(0));
        run.assertEachFailedWith(NullPointerException.class);
        assertThat(run.up.cancels).hasValue(1);
    }

    static Stream<Arguments> opsAndTerminalSignals() {
        return Stream.of(Op.values()).flatMap(op -> Stream.of(Arguments.of(op, null),
                Arguments.of(op, new IllegalStateException("boom"))));
    }

    @DisplayName("§1.7 signals after onComplete or onError: ignored; the values before it, then that terminal signal once on every branch")
    @ParameterizedTest
    @MethodSource("opsAndTerminalSignals")
    void signalsAfterATerminalSignalAreIgnored(Op op, Throwable error) throws Exception {
        Run run = new Run(op);
        run.up.nextWithinDemand();
        if (error == null) {
            run.up.subscriber.onComplete();
        } else {
            run.up.subscriber.onError(error);
        }

        assertThatCode(() -> {
            run.up.next(1);
            run.up.subscriber.onError(new IllegalStateException("late error"));
            run.up.subscriber.onComplete();
        }).doesNotThrowAnyException();
        run.requestAll(Long.MAX_VALUE);

        run.awaitTerminals();
        run.assertDelivered(List.of(0));
        for (TestSubscriber<Integer> ts : run.branches) {
            if (error == null) {
                ts.assertComplete().assertNoErrors();
            } else {
                ts.assertError(e -> e == error).assertNotComplete(); // the same instance, once
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Hostile subscribers: raw Subscribers subscribed to the returned Flowable
    // ---------------------------------------------------------------------------------------------

    /** The upstream of the hostile-subscriber cases: {@code [0, N)}. */
    private static final int N = 100;

    /** The bridges whose returned Flowable a subscriber can leave alone: the operators, and {@code from(channel)}. */
    enum Out {
        FROM, STAGE, STAGE_ORDERED, TEE, BRIDGE_OUTER, BRIDGE_INNER, FAN_IN, FAN_OUT, WORKER_POOL;

        List<Flowable<Integer>> outputs(Flowable<Integer> source, CancelContext producers) {
            if (this == FROM) {
                Channel<Integer> ch = Channel.make(N);
                IntStream.range(0, N).forEach(ch::trySend);
                ch.close();
                return List.of(ChanFlowable.from(ch, producers));
            }
            return Op.valueOf(name()).outputs.apply(source.doOnCancel(producers::cancel), Context.background());
        }

        Fan fan() {
            return this == FROM ? Fan.ONE : Op.valueOf(name()).fan;
        }
    }

    /** {@link HostileSubscribers#subscribeFirst} on {@code out} over a source of {@code [0, N)}. */
    private static void run(Out out, Recorder hostile, boolean hostileLeaves) throws InterruptedException {
        CancelContext producers = Context.withCancel(Context.background());
        AtomicBoolean subscribed = new AtomicBoolean(out == Out.FROM);
        HostileSubscribers.subscribeFirst(
                out.outputs(Flowable.range(0, N).doOnSubscribe(s -> subscribed.set(true)), producers), hostile,
                hostileLeaves, out.fan() == Fan.COPIES, N, subscribed::get, () -> producers.err() != null);
    }

    static Stream<Arguments> outsAndNonPositiveRequests() {
        return Stream.of(Out.values()).flatMap(o -> Stream.of(Arguments.of(o, 0L), Arguments.of(o, -1L)));
    }

    @DisplayName("§3.9 request(0), request(-1): onError(IllegalArgumentException) (RxJava's StrictSubscriber), no value")
    @ParameterizedTest
    @MethodSource("outsAndNonPositiveRequests")
    void aNonPositiveRequestSignalsIllegalArgumentException(Out out, long n) throws Exception {
        Recorder hostile = HostileSubscribers.requesting(n);

        run(out, hostile, true);

        hostile.awaitTerminal();
        assertThat(hostile.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThat(hostile.values).isEmpty();
        assertThat(hostile.terminals).hasValue(1);
    }

    @DisplayName("§3.17 request(Long.MAX_VALUE) and more on top: unbounded; every value once, then onComplete")
    @ParameterizedTest
    @EnumSource(Out.class)
    void requestingLongMaxValueAndMoreIsUnbounded(Out out) throws Exception {
        Recorder hostile = HostileSubscribers.requesting(Long.MAX_VALUE, Long.MAX_VALUE);

        run(out, hostile, false);

        hostile.awaitTerminal();
        assertThat(hostile.completed).as("completed: %s", hostile.error).isTrue();
        assertThat(hostile.terminals).hasValue(1);
        if (out.fan() != Fan.SPLIT) {
            assertThat(hostile.values).containsExactlyInAnyOrderElementsOf(range(N));
        }
    }

    @DisplayName("§3.7 §3.6 §1.8 cancel inside onNext, then cancel and request again: no further signal; the source cancelled")
    @ParameterizedTest
    @EnumSource(Out.class)
    void cancellingInsideOnNextStopsTheSignals(Out out) throws Exception {
        Recorder hostile = HostileSubscribers.cancellingInsideOnNext(10, 3);

        run(out, hostile, true);

        assertThat(hostile.values).hasSize(3).doesNotHaveDuplicates();
        assertThat(hostile.terminals).as("no terminal signal after cancel").hasValue(0);
    }

    @DisplayName("§3.3 request(1) inside onNext: no recursion; every value once, then onComplete")
    @ParameterizedTest
    @EnumSource(Out.class)
    void requestingInsideOnNextNeverRecurses(Out out) throws Exception {
        AtomicInteger maxDepth = new AtomicInteger();
        Recorder hostile = HostileSubscribers.requestingInsideOnNext(maxDepth);

        run(out, hostile, false);

        hostile.awaitTerminal();
        assertThat(hostile.completed).as("completed: %s", hostile.error).isTrue();
        assertThat(hostile.terminals).hasValue(1);
        if (out.fan() != Fan.SPLIT) {
            assertThat(hostile.values).containsExactlyInAnyOrderElementsOf(range(N));
        }
        assertThat(maxDepth).as("onNext re-entered from request").hasValue(1);
    }

    @DisplayName("§3.6 §1.8 cancel, then request, in onSubscribe: no signal at all; the source cancelled")
    @ParameterizedTest
    @EnumSource(Out.class)
    void cancellingThenRequestingGivesNoSignal(Out out) throws Exception {
        Recorder hostile = HostileSubscribers.cancellingThenRequesting();

        run(out, hostile, true);

        assertThat(hostile.subscription).as("subscribed").isNotNull();
        assertThat(hostile.values).isEmpty();
        assertThat(hostile.terminals).hasValue(0);
    }
}
