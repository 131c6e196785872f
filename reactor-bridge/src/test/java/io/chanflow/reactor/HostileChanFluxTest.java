package io.chanflow.reactor;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
import reactor.core.publisher.Flux;
import reactor.test.publisher.TestPublisher;
import reactor.test.publisher.TestPublisher.Violation;
import reactor.test.subscriber.TestSubscriber;
import reactor.util.function.Tuple2;

/**
 * Hostile peers against every {@link ChanFlux} operator, as a Reactor user meets them. Publishers that break
 * the rules are Reactor's {@code TestPublisher.createNoncompliant} (beyond demand, after cancel, null values,
 * signals after a terminal one), fed as they are to the operators that take a {@link Publisher} and through
 * {@code Flux.from} to those that transform a {@link Flux}; what comes out is watched by Reactor's
 * {@link TestSubscriber}, one per branch. Subscribers that break the rules are raw
 * {@link Subscriber}s subscribed to the returned Flux, which Reactor wraps in its StrictSubscriber: the test
 * pins what such a subscriber sees. Outcomes as in core's hostile-peer tests (Reactive Streams rule cited in
 * each name); in every case each value arrives at most once, each branch ends at most once, and no goroutine
 * is left behind.
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileChanFluxTest {
    private static final int PREFETCH = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** How an operator's branches share the values. */
    enum Fan { ONE, COPIES, SPLIT }

    /** Every ChanFlux bridge that subscribes to a publisher, as the Fluxes a user subscribes to. */
    enum Op {
        /** {@code ChanFlux.from(ChanFlux.toChannel(up, ctx, PREFETCH))}: a cancel comes from {@code ctx}. */
        TO_CHANNEL(Fan.ONE, true, true, (up, ctx) -> List.of(ChanFlux.from(ChanFlux.toChannel(up, ctx, PREFETCH)))),
        /** {@code ChanFlux.into(up, target, ctx, PREFETCH)}, {@code target} unbuffered, read with {@code from}. */
        INTO(Fan.ONE, true, true, (up, ctx) -> {
            Channel<Integer> target = Channel.make();
            ChanFlux.into(up, target, ctx, PREFETCH);
            return List.of(ChanFlux.from(target));
        }),
        /** {@code Flux.from(up).transform(ChanFlux.stage(1, PREFETCH, identity))}. */
        STAGE(Fan.ONE, true, false,
                (up, ctx) -> List.of(Flux.from(up).transform(ChanFlux.stage(1, PREFETCH, Op::identity)))),
        /** {@code Flux.from(up).transform(ChanFlux.stageOrdered(2, identity))}. */
        STAGE_ORDERED(Fan.ONE, true, false,
                (up, ctx) -> List.of(Flux.from(up).transform(ChanFlux.<Integer, Integer>stageOrdered(2, v -> v)))),
        /** {@code ChanFlux.tee(up)}: both branches. */
        TEE(Fan.COPIES, true, false, (up, ctx) -> {
            Tuple2<Flux<Integer>, Flux<Integer>> tee = ChanFlux.tee(up);
            return List.of(tee.getT1(), tee.getT2());
        }),
        /** {@code ChanFlux.bridge(Flux.from(up).map(Flux::just))}: {@code up} is the outer publisher. */
        BRIDGE_OUTER(Fan.ONE, true, false,
                (up, ctx) -> List.of(ChanFlux.bridge(Flux.from(up).map(v -> Flux.just(v))))),
        /** {@code ChanFlux.bridge(Flux.just(up))}: {@code up} is the inner publisher. */
        BRIDGE_INNER(Fan.ONE, true, false, (up, ctx) -> List.of(ChanFlux.bridge(Flux.just(up)))),
        /** {@code ChanFlux.fanIn(up, Flux.empty())}. */
        FAN_IN(Fan.ONE, true, false, (up, ctx) -> List.of(ChanFlux.fanIn(up, Flux.<Integer>empty()))),
        /** {@code ChanFlux.fanOut(up, 2, ROUND_ROBIN)}: both branches. */
        FAN_OUT(Fan.SPLIT, true, false, (up, ctx) -> ChanFlux.fanOut(up, 2, Distribution.ROUND_ROBIN)),
        /** {@code Flux.from(up).transform(ChanFlux.workerPool(2, 1, identity))}: finish order. */
        WORKER_POOL(Fan.ONE, false, false,
                (up, ctx) -> List.of(Flux.from(up).transform(ChanFlux.<Integer, Integer>workerPool(2, 1, (c, v) -> v))));

        final Fan fan;
        final boolean ordered;
        /** Whether the subscription to {@code up} is cancelled by a context (else by cancelling the branches). */
        final boolean cancelledByContext;
        private final BiFunction<Publisher<Integer>, Context, List<Flux<Integer>>> outputs;

        Op(Fan fan, boolean ordered, boolean cancelledByContext,
           BiFunction<Publisher<Integer>, Context, List<Flux<Integer>>> outputs) {
            this.fan = fan;
            this.ordered = ordered;
            this.cancelledByContext = cancelledByContext;
            this.outputs = outputs;
        }

        private static void identity(ReceiveChannel<Integer> in, SendChannel<Integer> out)
                throws InterruptedException {
            for (Integer v : in) {
                out.send(v);
            }
        }

        /** The branches over {@code up}, each subscribed by a TestSubscriber that requested nothing. */
        Branches attach(Publisher<Integer> up) {
            CancelContext ctx = Context.withCancel(Context.background());
            List<TestSubscriber<Integer>> subs = new ArrayList<>();
            for (Flux<Integer> out : outputs.apply(up, ctx)) {
                TestSubscriber<Integer> ts = TestSubscriber.builder().initialRequest(0).build();
                subs.add(ts);
                out.subscribe(ts);
            }
            return new Branches(this, ctx, subs);
        }
    }

    /** An operator's branches and the context of the channel bridges. */
    record Branches(Op op, CancelContext ctx, List<TestSubscriber<Integer>> subs) {
        void requestAll(long n) {
            subs.forEach(s -> s.request(n));
        }

        void awaitTerminals() {
            subs.forEach(s -> s.block(PATIENCE));
        }

        int received() {
            return subs.stream().mapToInt(s -> s.getReceivedOnNext().size()).sum();
        }

        /** Cancels as a user would: the context of a channel bridge, one fan-out branch, every other branch. */
        List<TestSubscriber<Integer>> cancel() {
            if (op.cancelledByContext) {
                ctx.cancel();
                return List.of();
            }
            List<TestSubscriber<Integer>> cancelled = op.fan == Fan.SPLIT ? subs.subList(0, 1) : subs;
            cancelled.forEach(TestSubscriber::cancel);
            return cancelled;
        }

        /** Together exactly {@code expected}, each value once (every branch each value, for a tee), in order where kept. */
        void assertDelivered(List<Integer> expected) {
            List<Integer> all = new ArrayList<>();
            for (TestSubscriber<Integer> s : subs) {
                List<Integer> got = s.getReceivedOnNext();
                if (op.ordered) {
                    assertThat(got).as("upstream order").isSorted();
                }
                if (op.fan == Fan.COPIES) {
                    assertThat(got).containsExactlyElementsOf(expected);
                }
                all.addAll(got);
            }
            if (op.fan != Fan.COPIES) {
                assertThat(all).as("every value once").containsExactlyInAnyOrderElementsOf(expected);
            }
        }

        /** Every branch ended once: onError with a {@code type}, or onComplete for null; no protocol error seen. */
        void assertEachEnded(Class<? extends Throwable> type) {
            for (TestSubscriber<Integer> s : subs) {
                assertThat(s.getProtocolErrors()).as("§1.7: one terminal signal, none after").isEmpty();
                if (type == null) {
                    assertThat(s.isTerminatedComplete()).as("completed: %s", s.getTerminalSignal()).isTrue();
                } else {
                    assertThat(s.expectTerminalError()).isInstanceOf(type);
                }
            }
        }
    }

    /** Awaitility polling every millisecond from the start: the conditions here hold soon. */
    private static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(PATIENCE);
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static void emit(TestPublisher<Integer> tp, int from, int to) {
        for (int i = from; i < to; i++) {
            tp.next(i);
        }
    }

    /**
     * Waits until {@code tp}'s one subscriber has requested (some operators subscribe from a goroutine, and
     * TestPublisher says it was requested a moment before that subscriber's demand shows).
     */
    private static void awaitRequested(TestPublisher<Integer> tp) {
        soon().untilAsserted(() -> {
            tp.assertSubscribers(1);
            tp.assertMinRequested(1);
        });
    }

    /** {@code tp}, counting what is requested of it. */
    private static Publisher<Integer> counting(TestPublisher<Integer> tp, AtomicLong requested) {
        return Flux.from(tp).doOnRequest(requested::addAndGet);
    }

    // ---------------------------------------------------------------------------------------------
    // Hostile publishers
    // ---------------------------------------------------------------------------------------------

    @DisplayName("§1.1 REQUEST_OVERFLOW: every requested value once, then onError(IllegalStateException) on every branch; the publisher cancelled")
    @ParameterizedTest
    @EnumSource(Op.class)
    void emittingBeyondDemandFailsEveryBranchAfterTheRequestedValues(Op op) {
        Goroutines.Snapshot before = Goroutines.snapshot();
        TestPublisher<Integer> tp = TestPublisher.createNoncompliant(Violation.REQUEST_OVERFLOW);
        AtomicLong requested = new AtomicLong();
        Branches b = op.attach(counting(tp, requested));
        awaitRequested(tp);
        int emitted = 0;
        do { // within demand until the operator stops asking: its branches requested nothing
            int asked = (int) requested.get();
            emit(tp, emitted, asked);
            emitted = asked;
            Parked.awaitAllParked(before);
        } while (requested.get() > emitted);
        int filled = emitted;

        assertThatCode(() -> emit(tp, filled, filled + 3)).as("the publisher is not thrown at")
                .doesNotThrowAnyException();
        b.requestAll(Long.MAX_VALUE);

        b.awaitTerminals();
        b.assertDelivered(range(filled));
        b.assertEachEnded(IllegalStateException.class);
        assertThat(requested).as("nothing requested after the violation").hasValue(filled);
        tp.assertCancelled();
    }

    @DisplayName("§2.8 DEFER_CANCELLATION: emits after the cancel; dropped, not thrown at the publisher; no signal to a cancelled branch")
    @ParameterizedTest
    @EnumSource(Op.class)
    void signalsAfterCancelAreDropped(Op op) {
        TestPublisher<Integer> tp = TestPublisher.createNoncompliant(Violation.DEFER_CANCELLATION,
                Violation.REQUEST_OVERFLOW);
        Branches b = op.attach(tp);
        awaitRequested(tp);
        b.requestAll(1);
        tp.next(0);
        soon().until(() -> b.received() == (b.op().fan == Fan.COPIES ? 2 : 1));

        List<TestSubscriber<Integer>> cancelled = b.cancel();
        soon().until(tp::wasCancelled);
        assertThatCode(() -> {
            emit(tp, 1, 100);
            tp.error(new IllegalStateException("late error"));
            tp.complete();
        }).as("trailing signals are not thrown at the publisher").doesNotThrowAnyException();

        for (TestSubscriber<Integer> s : b.subs()) {
            if (cancelled.contains(s)) {
                continue;
            }
            s.block(PATIENCE);
            assertThat(s.expectTerminalError()).as("a channel bridge or a fan-out branch ends with the context")
                    .isInstanceOf(ContextDoneException.class);
        }
        assertThat(b.received()).isEqualTo(b.op().fan == Fan.COPIES ? 2 : 1);
        b.subs().forEach(s -> assertThat(s.getReceivedOnNext()).as("nothing after the cancel").isSubsetOf(0));
        cancelled.forEach(s -> assertThat(s.isTerminated()).as("no terminal signal after cancel").isFalse());
    }

    @DisplayName("§2.13 ALLOW_NULL: onNext(null) fails every branch with NullPointerException after the values before it; the publisher cancelled")
    @ParameterizedTest
    @EnumSource(Op.class)
    void aNullValueFailsEveryBranchWithNullPointerException(Op op) {
        TestPublisher<Integer> tp = TestPublisher.createNoncompliant(Violation.ALLOW_NULL);
        Branches b = op.attach(tp);
        awaitRequested(tp);
        tp.next(0);
        awaitRequested(tp); // bridge's outer side has one value of demand at a time

        catchThrowable(() -> tp.next(null)); // thrown to the caller (§2.13), unless Reactor caught it on the way
        b.requestAll(Long.MAX_VALUE);

        b.awaitTerminals();
        b.assertDelivered(List.of(0));
        b.assertEachEnded(NullPointerException.class);
        tp.assertCancelled();
    }

    @DisplayName("§2.13 onError(null) (TestPublisher refuses it: a raw publisher sends it): every branch fails with NullPointerException after the values before")
    @ParameterizedTest
    @EnumSource(Op.class)
    void aNullErrorFailsEveryBranchWithNullPointerException(Op op) {
        AtomicReference<Subscriber<? super Integer>> subscriber = new AtomicReference<>();
        AtomicLong requested = new AtomicLong();
        Branches b = op.attach(s -> {
            subscriber.set(s);
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    requested.addAndGet(n);
                }

                @Override
                public void cancel() {}
            });
        });
        soon().until(() -> requested.get() > 0);
        subscriber.get().onNext(0);

        Throwable thrown = catchThrowable(() -> subscriber.get().onError(null));
        if (thrown != null) {
            assertThat(thrown).as("thrown to the caller (§2.13)").isInstanceOf(NullPointerException.class);
        }
        b.requestAll(Long.MAX_VALUE);

        b.awaitTerminals();
        b.assertDelivered(List.of(0));
        b.assertEachEnded(NullPointerException.class);
    }

    static Stream<Arguments> opsAndTerminalSignals() {
        return Stream.of(Op.values()).flatMap(op -> Stream.of(Arguments.of(op, null),
                Arguments.of(op, new IllegalStateException("boom"))));
    }

    @DisplayName("§1.7 CLEANUP_ON_TERMINATE: signals after onComplete or onError ignored; the values before it, then that terminal signal once on every branch")
    @ParameterizedTest
    @MethodSource("opsAndTerminalSignals")
    void signalsAfterATerminalSignalAreIgnored(Op op, Throwable error) {
        TestPublisher<Integer> tp = TestPublisher.createNoncompliant(Violation.CLEANUP_ON_TERMINATE);
        Branches b = op.attach(tp);
        awaitRequested(tp);
        tp.next(0);
        if (error == null) {
            tp.complete();
        } else {
            tp.error(error);
        }

        assertThatCode(() -> {
            tp.next(1);
            tp.error(new IllegalStateException("late error"));
            tp.complete();
        }).doesNotThrowAnyException();
        b.requestAll(Long.MAX_VALUE);

        b.awaitTerminals();
        b.assertDelivered(List.of(0));
        b.assertEachEnded(error == null ? null : error.getClass());
        if (error != null) {
            b.subs().forEach(s -> assertThat(s.expectTerminalError()).as("the same instance").isSameAs(error));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Hostile subscribers: raw Subscribers subscribed to the returned Flux
    // ---------------------------------------------------------------------------------------------

    /** The upstream of the hostile-subscriber cases: {@code [0, N)}, compliant; its cancel is seen. */
    private static final int N = 100;

    /** The ops whose returned Flux a subscriber can leave alone: the operators, and {@code from(channel)}. */
    enum Out {
        FROM, STAGE, STAGE_ORDERED, TEE, BRIDGE_OUTER, BRIDGE_INNER, FAN_IN, FAN_OUT, WORKER_POOL;

        /** The Flux a hostile subscriber gets (the first branch), the others given to well-behaved ones. */
        List<Flux<Integer>> outputs(Flux<Integer> source, CancelContext producers) {
            if (this == FROM) {
                Channel<Integer> ch = Channel.make(N);
                IntStream.range(0, N).forEach(ch::trySend);
                ch.close();
                return List.of(ChanFlux.from(ch, producers));
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
                out.outputs(Flux.range(0, N).doOnSubscribe(s -> subscribed.set(true)), producers), hostile,
                hostileLeaves, out.fan() == Fan.COPIES, N, subscribed::get, () -> producers.err() != null);
    }

    @DisplayName("§3.9 request(0), request(-1): onError(IllegalArgumentException) (Reactor's StrictSubscriber or the bridge), no value")
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

    static Stream<Arguments> outsAndNonPositiveRequests() {
        return Stream.of(Out.values()).flatMap(o -> Stream.of(Arguments.of(o, 0L), Arguments.of(o, -1L)));
    }

    @DisplayName("§3.17 request(Long.MAX_VALUE) and more on top: unbounded; every value once, then onComplete")
    @ParameterizedTest
    @EnumSource(Out.class)
    void requestingLongMaxValueAndMoreIsUnbounded(Out out) throws Exception {
        Recorder hostile = HostileSubscribers.requesting(Long.MAX_VALUE, Long.MAX_VALUE);

        run(out, hostile, false);

        hostile.awaitTerminal();
        assertThat(hostile.error).isNull();
        assertThat(hostile.terminals).hasValue(1);
        assertThat(hostile.values).doesNotHaveDuplicates();
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
        assertThat(hostile.terminals).hasValue(0);
    }

    @DisplayName("§3.3 request(1) inside onNext: no recursion; every value once, then onComplete")
    @ParameterizedTest
    @EnumSource(Out.class)
    void requestingInsideOnNextNeverRecurses(Out out) throws Exception {
        AtomicInteger maxDepth = new AtomicInteger();
        Recorder hostile = HostileSubscribers.requestingInsideOnNext(maxDepth);

        run(out, hostile, false);

        hostile.awaitTerminal();
        assertThat(hostile.error).isNull();
        assertThat(hostile.values).doesNotHaveDuplicates();
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
