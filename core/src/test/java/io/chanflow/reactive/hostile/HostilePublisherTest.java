package io.chanflow.reactive.hostile;

import static io.chanflow.reactive.hostile.Peers.drain;
import static io.chanflow.reactive.hostile.Peers.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chanflow.LeakCheckExtension;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.reactive.hostile.Peers.Bridge;
import io.chanflow.reactive.hostile.Peers.Drained;
import io.chanflow.reactive.hostile.Peers.NullSignal;
import io.chanflow.reactive.hostile.Peers.RacingPublisher;
import io.chanflow.reactive.hostile.Peers.ScriptedPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Publishers that break the Reactive Streams rules, against both bridges that subscribe to a publisher
 * ({@code ReactiveChannels.channel(publisher, n)} and {@code ReactiveChannels.subscriber(sendChannel)}) and
 * their {@link java.util.concurrent.Flow} twins ({@code FlowChannels.channel}, {@code FlowChannels.subscriber}).
 * Each case has one defined outcome, named with the rule (§) it breaks; in every case the channel ends
 * consistent: the values the protocol allowed are received once each, in order, the channel is closed
 * (with a cause where the protocol was broken) and no goroutine is left behind (the leak check runs after
 * each test).
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostilePublisherTest {
    private static final int PREFETCH = 8;

    @DisplayName("§1.1 emits beyond demand: the requested values, then closed with IllegalStateException; cancelled")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void emittingBeyondDemandClosesTheChannelWithIllegalStateExceptionAfterTheRequestedValues(Bridge bridge)
            throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);
        assertThat(p.first.requests).containsExactly((long) PREFETCH);

        assertThatCode(() -> p.next(0, PREFETCH + 3)).as("the publisher is not thrown at").doesNotThrowAnyException();

        Drained d = drain(ch);
        assertThat(d.values()).containsExactlyElementsOf(range(0, PREFETCH));
        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("1.1");
        assertThat(p.first.cancels).hasValue(1);
        assertThat(p.first.requested).as("nothing requested after the violation").hasValue(PREFETCH);
    }

    @DisplayName("§2.8 emits after cancel (and §1.8 ignores it): trailing signals are dropped; closed with the context's cause")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void signalsAfterTheBridgeCancelledAreDropped(Bridge bridge) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        CancelContext ctx = Context.withCancel(Context.background());
        ReceiveChannel<Integer> ch = bridge.attach(p, ctx, PREFETCH);
        p.next(0, 3);

        ctx.cancel();
        await().atMost(Duration.ofSeconds(5)).until(p.first::cancelled);
        assertThatCode(() -> {
            p.next(3, 5);                // within the demand requested before the cancel
            p.next(5, 5 + 2 * PREFETCH); // and beyond it: after a cancel this is no protocol error
            p.error(new IllegalStateException("late error"));
            p.complete();
        }).as("trailing signals are not thrown at the publisher").doesNotThrowAnyException();

        Drained d = drain(ch);
        assertThat(d.values()).containsExactlyElementsOf(bridge.keepsBufferedValuesOnCancel ? range(0, 3) : List.of());
        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isInstanceOf(ContextDoneException.class);
        assertThat(p.first.cancels).hasValue(1);
    }

    @DisplayName("§1.3 signals onNext concurrently from two threads, within demand: every value once, each thread's in order")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void concurrentOnNextWithinDemandDeliversEveryValueExactlyOnce(Bridge bridge) throws Exception {
        RacingPublisher p = new RacingPublisher(4_000, 2);
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);

        Drained d = drain(ch);
        p.join();

        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isNull();
        assertThat(d.values()).hasSize(4_000).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(range(0, 4_000));
        Map<Integer, List<Integer>> byThread = new ConcurrentHashMap<>();
        for (int v : d.values()) {
            byThread.computeIfAbsent(p.emitter.get(v), k -> new ArrayList<>()).add(v);
        }
        assertThat(byThread.values()).allSatisfy(vs -> assertThat(vs).as("one thread's values keep their order").isSorted());
        assertThat(p.requested.get()).as("never more requested than received + prefetch (it completed)")
                .isLessThanOrEqualTo(4_000 + PREFETCH);
    }

    @DisplayName("§1.3 onNext races onComplete on another thread: a gap-free prefix, holding every value emitted before it; closed normally")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void onNextRacingOnCompleteDeliversAPrefixAndClosesNormally(Bridge bridge) throws Exception {
        for (int round = 0; round < 200; round++) {
            ScriptedPublisher p = new ScriptedPublisher();
            ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);
            AtomicInteger returned = new AtomicInteger();
            AtomicInteger beforeComplete = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            int spin = ThreadLocalRandom.current().nextInt(20_000);
            Thread emitter = Thread.ofPlatform().start(() -> {
                awaitLatch(go);
                for (int i = 0; i < PREFETCH; i++) {
                    p.subscriber.onNext(i);
                    returned.set(i + 1);
                }
            });
            Thread completer = Thread.ofPlatform().start(() -> {
                awaitLatch(go);
                for (int i = 0; i < spin; i++) {
                    Thread.onSpinWait();
                }
                beforeComplete.set(returned.get());
                p.complete();
            });
            go.countDown();
            emitter.join();
            completer.join();

            Drained d = drain(ch);
            assertThat(d.closed()).isTrue();
            assertThat(d.cause()).isNull();
            assertThat(d.values()).as("round %d", round)
                    .containsExactlyElementsOf(range(0, d.values().size()))
                    .hasSizeGreaterThanOrEqualTo(beforeComplete.get());
        }
    }

    static Stream<Arguments> bridgesAndNullSignals() {
        return Stream.of(Bridge.values())
                .flatMap(b -> Stream.of(NullSignal.values()).map(n -> Arguments.of(b, n)));
    }

    @DisplayName("§2.13 onNext(null), onError(null): NullPointerException to the caller; the channel closed with it after the values before; cancelled")
    @ParameterizedTest
    @MethodSource("bridgesAndNullSignals")
    void aNullSignalThrowsNullPointerExceptionAndClosesTheChannelWithIt(Bridge bridge, NullSignal signal)
            throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);
        p.next(0, 2);

        assertThatThrownBy(() -> signal.send(p)).isInstanceOf(NullPointerException.class);

        Drained d = drain(ch);
        assertThat(d.values()).containsExactly(0, 1);
        assertThat(d.closed()).as("§2.13: the subscription is now cancelled, nothing more will come").isTrue();
        assertThat(d.cause()).isInstanceOf(NullPointerException.class);
        assertThat(p.first.cancels).hasValue(1);
    }

    @DisplayName("§2.13 onSubscribe(null): NullPointerException to the caller; the channel closed with it")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void onSubscribeNullThrowsNullPointerExceptionAndClosesTheChannelWithIt(Bridge bridge) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher(false);
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);

        assertThatThrownBy(() -> p.onSubscribe(null)).isInstanceOf(NullPointerException.class);

        Drained d = drain(ch);
        assertThat(d.values()).isEmpty();
        assertThat(d.closed()).as("§2.13: there is no subscription, nothing will ever come").isTrue();
        assertThat(d.cause()).isInstanceOf(NullPointerException.class);
    }

    @DisplayName("§2.5 calls onSubscribe twice: the second Subscription is cancelled, never requested; the first goes on")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void aSecondOnSubscribeIsCancelledAndTheFirstSubscriptionGoesOn(Bridge bridge) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);

        p.onSubscribe(p.second);

        assertThat(p.second.cancels).hasValue(1);
        assertThat(p.second.requests).isEmpty();
        p.next(0, 3);
        p.complete();
        Drained d = drain(ch);
        assertThat(d.values()).containsExactly(0, 1, 2);
        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isNull();
        assertThat(p.first.cancelled()).isFalse();
    }

    @DisplayName("§1.9 onNext before onSubscribe: closed with IllegalStateException; the late Subscription is cancelled, never requested")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void onNextBeforeOnSubscribeClosesTheChannelAndCancelsTheLateSubscription(Bridge bridge) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher(false);
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);

        assertThatCode(() -> p.next(0, 1)).doesNotThrowAnyException();
        p.onSubscribe(p.first);

        Drained d = drain(ch);
        assertThat(d.values()).isEmpty();
        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isInstanceOf(IllegalStateException.class);
        assertThat(p.first.cancels).hasValue(1);
        assertThat(p.first.requests).isEmpty();
    }

    @DisplayName("§1.9 onNext and never onSubscribe: the channel is closed with IllegalStateException all the same")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void onNextWithoutEverCallingOnSubscribeClosesTheChannel(Bridge bridge) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher(false);
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);

        assertThatCode(() -> p.next(0, 1)).doesNotThrowAnyException();

        Drained d = drain(ch);
        assertThat(d.values()).isEmpty();
        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isInstanceOf(IllegalStateException.class);
    }

    @DisplayName("§1.7 signals after onComplete: ignored; the values before it, then closed normally")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void signalsAfterOnCompleteAreIgnored(Bridge bridge) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);
        p.next(0, 2);
        p.complete();

        assertThatCode(() -> {
            p.next(2, 4);
            p.error(new IllegalStateException("late error"));
            p.complete();
        }).doesNotThrowAnyException();

        Drained d = drain(ch);
        assertThat(d.values()).containsExactly(0, 1);
        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isNull();
    }

    @DisplayName("§1.7 signals after onError: ignored; the values before it, then closed with that first error")
    @ParameterizedTest
    @EnumSource(Bridge.class)
    void signalsAfterOnErrorAreIgnored(Bridge bridge) throws Exception {
        ScriptedPublisher p = new ScriptedPublisher();
        ReceiveChannel<Integer> ch = bridge.attach(p, PREFETCH);
        IllegalStateException boom = new IllegalStateException("boom");
        p.next(0, 2);
        p.error(boom);

        assertThatCode(() -> {
            p.next(2, 4);
            p.error(new IllegalStateException("second error"));
            p.complete();
        }).doesNotThrowAnyException();

        Drained d = drain(ch);
        assertThat(d.values()).containsExactly(0, 1);
        assertThat(d.closed()).isTrue();
        assertThat(d.cause()).isSameAs(boom);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
