package io.chanflow.reactive.hostile;

import static io.chanflow.reactive.hostile.Peers.awaitEnded;
import static io.chanflow.reactive.hostile.Peers.channelOf;
import static io.chanflow.reactive.hostile.Peers.range;
import static io.chanflow.reactive.hostile.Peers.soon;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.reactive.hostile.Operator.Fan;
import io.chanflow.reactive.hostile.Operator.Observed;
import io.chanflow.reactive.hostile.Peers.Face;
import io.chanflow.testing.HostileSubscribers;
import io.chanflow.testing.Recorder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;

/**
 * Subscribers that break the Reactive Streams rules, or push them to their limits, on the output of every
 * bridge operator ({@link Operator}). Each operator publishes with the channel publisher, so each case has
 * the outcome {@link HostileSubscriberTest} pins for it; the hostile subscriber is on the first branch, and
 * the other branch of a tee or fan-out requests {@code Long.MAX_VALUE} and gets what the operator's Javadoc
 * says when a branch leaves: a tee's goes on alone to the end, a fan-out's ends with ContextDoneException. In
 * every case no value reaches the branches twice, every branch gets at most one terminal signal, a
 * subscriber that leaves cancels the upstream (unless the other branch of a tee still reads it) and every
 * goroutine the operator started ends (the leak check runs after each test).
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileSubscriberOperatorsTest {
    /** The upstream's values. */
    private static final int N = 200;

    static Stream<Arguments> operatorsAndNonPositiveRequests() {
        return Stream.of(Operator.values())
                .flatMap(op -> Stream.of(0L, -1L, Long.MIN_VALUE).map(n -> Arguments.of(op, n)));
    }

    @DisplayName("§3.9 request(n <= 0): onError(IllegalArgumentException) on that branch, no value; the upstream cancelled")
    @ParameterizedTest
    @MethodSource("operatorsAndNonPositiveRequests")
    void aNonPositiveRequestSignalsIllegalArgumentException(Operator op, long n) throws Exception {
        Upstream up = new Upstream();
        Observed o = attach(op, up, () -> HostileSubscribers.requesting(n));

        Recorder hostile = o.branch(0);
        hostile.awaitTerminal();
        assertThat(hostile.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThat(hostile.values).isEmpty();
        assertTheRestAfterTheFirstBranchLeft(o, up);
        assertThat(hostile.terminals).as("one terminal signal (§1.7)").hasValue(1);
    }

    @DisplayName("§3.17 request(Long.MAX_VALUE), and more on top: unbounded; every value once, in order where the operator keeps it, then onComplete")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void requestingLongMaxValueIsUnboundedAndOverflowingItStaysUnbounded(Operator op) throws Exception {
        Observed o = attach(op, new Upstream(), () -> HostileSubscribers.requesting(Long.MAX_VALUE - 1, 5)); // overflows

        o.awaitTerminals();
        o.assertDelivered(range(0, N));
        o.assertEachCompleted();
    }

    @DisplayName("§3.7 §3.6 §1.8 cancel inside onNext (then cancel and request again): no further signal on that branch; the upstream cancelled")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void cancellingInsideOnNextStopsTheSignals(Operator op) throws Exception {
        Upstream up = new Upstream();
        Observed o = attach(op, up, () -> HostileSubscribers.cancellingInsideOnNext(10, 3));

        Recorder hostile = o.branch(0);
        soon().until(() -> hostile.values.size() >= 3);
        assertTheRestAfterTheFirstBranchLeft(o, up);
        assertThat(hostile.values).as("no onNext after cancel").hasSize(3).isSubsetOf(range(0, N));
        assertThat(hostile.terminals).as("no terminal signal after cancel").hasValue(0);
    }

    @DisplayName("§3.3 request(1) inside onNext: no recursion (onNext never re-entered); every value once, then onComplete")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void requestingInsideOnNextNeverRecurses(Operator op) throws Exception {
        AtomicInteger maxDepth = new AtomicInteger();
        Observed o = attach(op, new Upstream(), () -> HostileSubscribers.requestingInsideOnNext(maxDepth));

        o.awaitTerminals();
        o.assertDelivered(range(0, N));
        o.assertEachCompleted();
        assertThat(maxDepth).as("onNext re-entered from request").hasValue(1);
    }

    @DisplayName("§3.6 §1.8 cancel, then request, inside onSubscribe: no signal at all on that branch; the upstream cancelled")
    @ParameterizedTest
    @EnumSource(Operator.class)
    void cancellingThenRequestingGivesNoSignal(Operator op) throws Exception {
        Upstream up = new Upstream();
        Observed o = attach(op, up, HostileSubscribers::cancellingThenRequesting);

        assertTheRestAfterTheFirstBranchLeft(o, up);
        assertThat(o.branch(0).values).isEmpty();
        assertThat(o.branch(0).terminals).hasValue(0);
    }

    // ---------------------------------------------------------------------------------------------

    /** A compliant upstream of {@code [0, N)}: the channel publisher over a closed channel; subscribe and cancel are seen. */
    private static final class Upstream {
        final CancelContext producers = Context.withCancel(Context.background());
        final AtomicBoolean subscribed = new AtomicBoolean();
        final Publisher<Integer> publisher;
        final Goroutines.Snapshot before = Goroutines.snapshot();

        Upstream() {
            Channel<Integer> ch = channelOf(0, N);
            ch.close();
            Publisher<Integer> p = Face.REACTIVE.publisher(ch, producers);
            publisher = s -> {
                subscribed.set(true);
                p.subscribe(s);
            };
        }
    }

    /** The operator over {@code up}, the first branch watched by {@code hostile}, the others requesting everything. */
    private static Observed attach(Operator op, Upstream up, Supplier<Recorder> hostile) {
        return op.attach(up.publisher, branch -> branch == 0 ? hostile.get() : new Recorder(Long.MAX_VALUE));
    }

    /**
     * Once the first branch left: the other branch of a tee went on alone to every value and onComplete, that
     * of a fan-out ended with ContextDoneException, no value reached the branches twice, and the upstream was
     * cancelled unless a tee's other branch still read it; then every goroutine ends.
     */
    private static void assertTheRestAfterTheFirstBranchLeft(Observed o, Upstream up) throws Exception {
        for (Recorder r : o.branches.subList(1, o.branches.size())) {
            r.awaitTerminal();
            if (o.op.fan == Fan.COPIES) {
                assertThat(r.values).as("a tee's other branch goes on alone").containsExactlyElementsOf(range(0, N));
                assertThat(r.completed).isTrue();
            } else {
                assertThat(r.error).as("a fan-out ends with its context").isInstanceOf(ContextDoneException.class);
            }
            assertThat(r.terminals).as("one terminal signal (§1.7)").hasValue(1);
        }
        awaitEnded(up.before);
        if (o.op.fan != Fan.COPIES && up.subscribed.get()) { // a bridge may leave before it takes its inner one
            assertThat(up.producers.err()).as("the upstream cancelled").isNotNull();
        }
        o.assertNoDuplicates();
    }
}
