package io.chanflow.reactive.hostile;

import static io.chanflow.reactive.hostile.Peers.awaitEnded;
import static io.chanflow.reactive.hostile.Peers.range;
import static io.chanflow.reactive.hostile.Peers.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.context.ContextDoneException;
import io.chanflow.reactive.hostile.Operator.Fan;
import io.chanflow.reactive.hostile.Operator.Observed;
import io.chanflow.reactive.hostile.Peers.NullSignal;
import io.chanflow.reactive.hostile.Peers.RacingPublisher;
import io.chanflow.reactive.hostile.Peers.ScriptedPublisher;
import io.chanflow.testing.Recorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Publishers that break the Reactive Streams rules, as the upstream of every bridge operator
 * ({@link Operator}: stage, stageOrdered, tee, bridge's outer and inner publishers, fanIn, fanOut,
 * workerPool, and FlowChannels' stages). Each operator subscribes to its upstream with the channel bridge, so
 * each case has the outcome {@link HostilePublisherTest} pins for that bridge, carried to every output branch
 * by the operator's Javadoc (an upstream's end reaches every branch, after the values before it). In every
 * case the operator ends consistent: each value the protocol allowed reaches the branches once (each branch,
 * for a tee), every branch gets exactly one terminal signal (none once it cancelled), and every goroutine the
 * operator started ends (the leak check runs after each test).
 *
 * <p>The branches request nothing while the publisher misbehaves, so what the operator asks of its upstream
 * is fixed by then; they request {@code Long.MAX_VALUE} afterwards to see the outcome.
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostilePublisherOperatorsTest {

    @DisplayName("§1.1 emits beyond demand: every requested value once, then onError(IllegalStateException) on every branch; cancelled, nothing more requested")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void emittingBeyondDemandFailsEveryBranchWithIllegalStateExceptionAfterTheRequestedValues(Operator op)
            throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        ScriptedPublisher p = new ScriptedPublisher();
        Observed o = op.attach(p);
        int requested = p.awaitSubscribed().fillDemand(before);
        assertThat(requested).isPositive();

        assertThatCode(() -> p.next(requested, requested + 3)).as("the publisher is not thrown at")
                .doesNotThrowAnyException();
        o.requestAll(Long.MAX_VALUE);

        o.awaitTerminals();
        o.assertDelivered(range(0, requested));
        o.assertEachFailedWith(IllegalStateException.class);
        assertThat(o.branch(0).error).hasMessageContaining("1.1");
        assertThat(p.first.cancels).hasValue(1);
        assertThat(p.first.requested).as("nothing requested after the violation").hasValue(requested);
    }

    @DisplayName("§2.8 emits after the operator cancelled (and §1.8 ignores it): trailing signals dropped, not thrown at the publisher; no signal to a cancelled branch")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void signalsAfterTheOperatorCancelledAreDropped(Operator op) throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        ScriptedPublisher p = new ScriptedPublisher();
        Observed o = op.attach(p);
        p.awaitSubscribed();
        o.requestAll(1);
        p.nextWithinDemand(3);
        soon().until(() -> o.received() == op.branches());

        List<Recorder> cancelled = o.cancel();
        soon().until(p.first::cancelled);
        assertThatCode(() -> {
            p.next(3, 3 + 2 * Operator.PREFETCH); // beyond demand too: after a cancel this is no protocol error
            p.error(new IllegalStateException("late error"));
            p.complete();
        }).as("trailing signals are not thrown at the publisher").doesNotThrowAnyException();

        awaitEnded(before);
        assertThat(o.received()).as("one value a branch, as requested").isEqualTo(op.branches());
        o.assertNoDuplicates();
        o.branches.forEach(r -> assertThat(r.values).isSubsetOf(range(0, 3)));
        for (Recorder r : o.branches) {
            if (cancelled.contains(r)) {
                assertThat(r.terminals).as("no terminal signal after cancel").hasValue(0);
            } else {
                assertThat(r.terminals).hasValue(1);
                assertThat(r.error).as("a fan-out branch ends with its context").isInstanceOf(ContextDoneException.class);
            }
        }
        assertThat(p.first.cancels).hasValue(1);
    }

    @DisplayName("§1.3 signals onNext concurrently from two threads, within demand: every value once (on each branch of a tee), each thread's in order where the operator keeps order; onComplete")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void concurrentOnNextWithinDemandDeliversEveryValueExactlyOnce(Operator op) throws Exception {
        int n = 2_000;
        RacingPublisher p = new RacingPublisher(n, 2);
        Observed o = op.attach(p);
        o.requestAll(Long.MAX_VALUE);

        o.awaitTerminals();
        p.join();

        o.assertEachCompleted();
        List<List<Integer>> streams = new ArrayList<>();
        if (op.fan == Fan.COPIES) {
            o.branches.forEach(r -> streams.add(r.values));
            assertThat(o.branch(1).values).as("both branches in the same order").isEqualTo(o.branch(0).values);
        } else {
            List<Integer> all = new ArrayList<>();
            o.branches.forEach(r -> all.addAll(r.values));
            streams.add(all);
        }
        streams.forEach(s -> assertThat(s).containsExactlyInAnyOrderElementsOf(range(0, n)));
        if (op.ordered) {
            for (Recorder r : o.branches) {
                Map<Integer, List<Integer>> byThread = new HashMap<>();
                r.values.forEach(v -> byThread.computeIfAbsent(p.emitter.get(v), t -> new ArrayList<>()).add(v));
                assertThat(byThread.values()).allSatisfy(vs -> assertThat(vs).as("one thread's values keep their order").isSorted());
            }
        }
    }

    static Stream<Arguments> operatorsAndNullSignals() {
        return Stream.of(Operator.values())
                .flatMap(op -> Stream.of(NullSignal.values()).map(n -> Arguments.of(op, n)));
    }

    @DisplayName("§2.13 onNext(null), onError(null): NullPointerException to the caller; every branch fails with it after the values before; cancelled")
    @ParameterizedTest
    @MethodSource("operatorsAndNullSignals")
    void aNullSignalThrowsNullPointerExceptionAndFailsEveryBranchWithIt(Operator op, NullSignal signal)
            throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        Observed o = op.attach(p);
        p.awaitSubscribed().nextWithinDemand(2);

        assertThatThrownBy(() -> signal.send(p)).isInstanceOf(NullPointerException.class);
        o.requestAll(Long.MAX_VALUE);

        o.awaitTerminals();
        o.assertDelivered(range(0, 2));
        o.assertEachFailedWith(NullPointerException.class);
        assertThat(p.first.cancels).hasValue(1);
    }

    @DisplayName("§2.13 onSubscribe(null): NullPointerException to the caller; every branch fails with it, no value")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void onSubscribeNullThrowsNullPointerExceptionAndFailsEveryBranchWithIt(Operator op) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher(false);
        Observed o = op.attach(p);
        p.awaitSubscribed();

        assertThatThrownBy(() -> p.onSubscribe(null)).isInstanceOf(NullPointerException.class);
        o.requestAll(Long.MAX_VALUE);

        o.awaitTerminals();
        o.assertDelivered(List.of());
        o.assertEachFailedWith(NullPointerException.class);
    }

    @DisplayName("§2.5 calls onSubscribe twice: the second Subscription is cancelled, never requested; the first goes on to onComplete")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void aSecondOnSubscribeIsCancelledAndTheFirstSubscriptionGoesOn(Operator op) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        Observed o = op.attach(p);
        p.awaitSubscribed();

        p.onSubscribe(p.second);

        assertThat(p.second.cancels).hasValue(1);
        assertThat(p.second.requests).isEmpty();
        p.nextWithinDemand(3);
        p.complete();
        o.requestAll(Long.MAX_VALUE);
        o.awaitTerminals();
        o.assertDelivered(range(0, 3));
        o.assertEachCompleted();
    }

    @DisplayName("§1.9 onNext before onSubscribe: every branch fails with IllegalStateException, no value; the late Subscription is cancelled, never requested")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void onNextBeforeOnSubscribeFailsEveryBranchAndCancelsTheLateSubscription(Operator op) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher(false);
        Observed o = op.attach(p);
        p.awaitSubscribed();

        assertThatCode(() -> p.next(0, 1)).doesNotThrowAnyException();
        p.onSubscribe(p.first);
        o.requestAll(Long.MAX_VALUE);

        o.awaitTerminals();
        o.assertDelivered(List.of());
        o.assertEachFailedWith(IllegalStateException.class);
        assertThat(p.first.cancels).hasValue(1);
        assertThat(p.first.requests).isEmpty();
    }

    static Stream<Arguments> operatorsAndTerminalSignals() {
        return Stream.of(Operator.values()).flatMap(op -> Stream.of(Arguments.of(op, null),
                Arguments.of(op, new IllegalStateException("boom"))));
    }

    @DisplayName("§1.7 signals after onComplete or onError: ignored; the values before it, then that first terminal signal (onError: the same instance) once on every branch")
    @ParameterizedTest
    @MethodSource("operatorsAndTerminalSignals")
    void signalsAfterATerminalSignalAreIgnored(Operator op, Throwable error) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        Observed o = op.attach(p);
        p.awaitSubscribed().nextWithinDemand(2);
        if (error == null) {
            p.complete();
        } else {
            p.error(error);
        }

        assertThatCode(() -> {
            p.next(2, 4);
            p.error(new IllegalStateException("late error"));
            p.complete();
        }).doesNotThrowAnyException();
        o.requestAll(Long.MAX_VALUE);

        o.awaitTerminals();
        o.assertDelivered(range(0, 2));
        if (error == null) {
            o.assertEachCompleted();
        } else {
            o.assertEachFailedWithSame(error);
        }
    }
}
