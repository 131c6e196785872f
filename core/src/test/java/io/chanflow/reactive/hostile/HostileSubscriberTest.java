package io.chanflow.reactive.hostile;

import static io.chanflow.Go.go;
import static io.chanflow.reactive.hostile.Peers.awaitEnded;
import static io.chanflow.reactive.hostile.Peers.channelOf;
import static io.chanflow.reactive.hostile.Peers.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chanflow.Channel;
import io.chanflow.Go;
import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.reactive.hostile.Peers.Face;
import io.chanflow.testing.HostileSubscribers;
import io.chanflow.testing.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * Subscribers that break the Reactive Streams rules, or push them to their limits, against the bridge's
 * Publisher ({@code face.publisher(channel)}). Each case has one defined outcome, named with the
 * rule (§) it exercises; in every case no value is lost or duplicated (what the subscriber did not get is
 * still in the channel, in order, for other receivers), the channel is never closed by the bridge (it
 * belongs to its producers) and the subscription's goroutine ends (the leak check runs after each test).
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileSubscriberTest {

    static Stream<Arguments> facesAndNonPositiveRequests() {
        return Stream.of(Face.values())
                .flatMap(f -> Stream.of(0L, -1L, Long.MIN_VALUE).map(n -> Arguments.of(f, n)));
    }

    @DisplayName("§3.9 request(n <= 0): onError(IllegalArgumentException), nothing taken, the producers' context cancelled")
    @ParameterizedTest
    @MethodSource("facesAndNonPositiveRequests")
    void aNonPositiveRequestSignalsIllegalArgumentExceptionAndTakesNothing(Face face, long n) throws Exception {
        Channel<Integer> ch = channelOf(0, 3);
        CancelContext producers = Context.withCancel(Context.background());
        Recorder r = HostileSubscribers.requesting(n);

        face.publisher(ch, producers).subscribe(r);

        r.awaitTerminal();
        assertThat(r.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThat(r.values).isEmpty();
        assertThat(r.terminals).as("one terminal signal (§1.7)").hasValue(1);
        assertThat(producers.err()).as("a bad request cancels, and cancel travels upstream").isNotNull();
        assertStillHolds(ch, range(0, 3));
    }

    @DisplayName("§3.17 request(Long.MAX_VALUE), and more on top: unbounded; every value in order, then onComplete")
    @ParameterizedTest
    @EnumSource(Face.class)
    void requestingLongMaxValueIsUnboundedAndOverflowingItStaysUnbounded(Face face) throws Exception {
        Channel<Integer> ch = Channel.make(16);
        Thread producer = produce(ch, 10_000);
        Recorder r = new Recorder() {
            @Override
            protected void subscribed(Subscription s) {
                s.request(Long.MAX_VALUE - 1);
                s.request(5); // overflows: capped at Long.MAX_VALUE
            }

            @Override
            protected void next(Subscription s, int v) {
                if (v == 0) {
                    s.request(Long.MAX_VALUE);
                }
            }
        };

        face.publisher(ch).subscribe(r);

        r.awaitTerminal();
        producer.join();
        assertThat(r.completed).isTrue();
        assertThat(r.values).containsExactlyElementsOf(range(0, 10_000));
        assertThat(r.terminals).hasValue(1);
    }

    @DisplayName("§3.7 §3.6 §1.8 cancel inside onNext: no further signal; the rest stays in the channel, in order")
    @ParameterizedTest
    @EnumSource(Face.class)
    void cancellingInsideOnNextStopsTheSignalsAndLeavesTheRestInTheChannel(Face face) throws Exception {
        Channel<Integer> ch = channelOf(0, 10);
        CancelContext producers = Context.withCancel(Context.background());
        Goroutines.Snapshot before = Goroutines.snapshot();
        Recorder r = HostileSubscribers.cancellingInsideOnNext(10, 3); // then cancel (§3.7) and request (§3.6) again

        face.publisher(ch, producers).subscribe(r);

        awaitEnded(before);
        assertThat(r.values).containsExactly(0, 1, 2);
        assertThat(r.terminals).as("no signal after cancel").hasValue(0);
        assertThat(producers.err()).isNotNull();
        assertStillHolds(ch, range(3, 10));
    }

    @DisplayName("§3.3 request inside onNext: no recursion (onNext never re-entered, stack depth constant); every value, then onComplete")
    @ParameterizedTest
    @EnumSource(Face.class)
    void requestingInsideOnNextNeverRecurses(Face face) throws Exception {
        Channel<Integer> ch = Channel.make(16);
        int n = 10_000;
        Thread producer = produce(ch, n);
        AtomicInteger depth = new AtomicInteger();
        AtomicInteger maxDepth = new AtomicInteger();
        List<Long> stackDepths = new CopyOnWriteArrayList<>();
        Recorder r = new Recorder(1) {
            @Override
            protected void next(Subscription s, int v) {
                maxDepth.accumulateAndGet(depth.incrementAndGet(), Math::max);
                if (v % 1_000 == 0) {
                    stackDepths.add(StackWalker.getInstance().walk(frames -> frames.count()));
                }
                s.request(1);
                depth.decrementAndGet();
            }
        };

        face.publisher(ch).subscribe(r);

        r.awaitTerminal();
        producer.join();
        assertThat(r.completed).isTrue();
        assertThat(r.values).containsExactlyElementsOf(range(0, n));
        assertThat(maxDepth).as("onNext re-entered from request").hasValue(1);
        assertThat(stackDepths).hasSize(n / 1_000).allMatch(d -> d.equals(stackDepths.get(0)));
    }

    @DisplayName("§2.13 onNext throws: the subscription counts as cancelled, the exception goes to the goroutine handler; the rest stays in the channel")
    @ParameterizedTest
    @EnumSource(Face.class)
    void anOnNextThatThrowsCancelsAndTheExceptionReachesTheGoroutineHandler(Face face) throws Exception {
        Channel<Integer> ch = channelOf(0, 10);
        IllegalStateException boom = new IllegalStateException("boom");
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Goroutines.Snapshot before = Goroutines.snapshot();
        Thread.UncaughtExceptionHandler old = Go.setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            Recorder r = new Recorder(10) {
                @Override
                protected void next(Subscription s, int v) {
                    if (v == 2) {
                        throw boom;
                    }
                }
            };

            face.publisher(ch).subscribe(r);

            awaitEnded(before);
            assertThat(r.values).containsExactly(0, 1, 2);
            assertThat(r.terminals).hasValue(0);
            assertThat(reported).containsExactly(boom);
        } finally {
            Go.setUncaughtExceptionHandler(old);
        }
        assertStillHolds(ch, range(3, 10));
    }

    @DisplayName("§2.13 onSubscribe throws: subscribe rethrows it to its caller; no goroutine, nothing taken")
    @ParameterizedTest
    @EnumSource(Face.class)
    void anOnSubscribeThatThrowsIsRethrownAndNothingIsTaken(Face face) throws Exception {
        Channel<Integer> ch = channelOf(0, 3);
        CancelContext producers = Context.withCancel(Context.background());
        IllegalStateException boom = new IllegalStateException("boom");
        Goroutines.Snapshot before = Goroutines.snapshot();
        Recorder r = new Recorder() {
            @Override
            protected void subscribed(Subscription s) {
                s.request(3);
                throw boom;
            }
        };

        Publisher<Integer> p = face.publisher(ch, producers);

        assertThatThrownBy(() -> p.subscribe(r)).isSameAs(boom);
        assertThat(Goroutines.startedSince(before)).as("no goroutine started").isEmpty();
        assertThat(r.values).isEmpty();
        assertThat(producers.err()).as("the subscription counts as cancelled").isNotNull();
        assertStillHolds(ch, range(0, 3));
    }

    @DisplayName("§3.12 §1.8 cancel inside onSubscribe: no signal at all, no goroutine, nothing taken")
    @ParameterizedTest
    @EnumSource(Face.class)
    void cancellingInsideOnSubscribeStartsNothing(Face face) throws Exception {
        Channel<Integer> ch = channelOf(0, 3);
        Goroutines.Snapshot before = Goroutines.snapshot();
        Recorder r = new Recorder() {
            @Override
            protected void subscribed(Subscription s) {
                s.request(3);
                s.cancel();
            }
        };

        face.publisher(ch).subscribe(r);

        assertThat(Goroutines.startedSince(before)).isEmpty();
        assertThat(r.values).isEmpty();
        assertThat(r.terminals).hasValue(0);
        assertStillHolds(ch, range(0, 3));
    }

    @DisplayName("§2.7 request from four threads at once: exactly what was requested in total is delivered, no more")
    @ParameterizedTest
    @EnumSource(Face.class)
    void concurrentRequestsDeliverExactlyTheirSum(Face face) throws Exception {
        Channel<Integer> ch = channelOf(0, 1_500);
        Recorder r = new Recorder();
        face.publisher(ch).subscribe(r);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> requesters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            requesters.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 250; i++) {
                    r.subscription.request(1);
                }
            }));
        }
        start.countDown();
        for (Thread t : requesters) {
            t.join();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> r.values.size() >= 1_000);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> r.values.size() == 1_000 && ch.len() == 500);
        assertThat(r.values).containsExactlyElementsOf(range(0, 1_000));
        r.subscription.cancel();
        assertStillHolds(ch, range(1_000, 1_500));
    }

    // ---------------------------------------------------------------------------------------------

    /** A goroutine that sends {@code [0, n)} and closes the channel. */
    private static Thread produce(Channel<Integer> ch, int n) {
        return go(() -> {
            for (int i = 0; i < n; i++) {
                ch.send(i);
            }
            ch.close();
        });
    }

    /** The channel is open and holds exactly {@code values}, in order: the bridge took nothing else. */
    private static void assertStillHolds(Channel<Integer> ch, List<Integer> values) {
        List<Integer> left = new ArrayList<>();
        for (Integer v; (v = ch.tryReceive()) != null; ) {
            left.add(v);
        }
        assertThat(left).as("what the subscriber did not get is still in the channel").containsExactlyElementsOf(values);
        assertThat(ch.trySend(-1)).as("the bridge did not close the producers' channel").isTrue();
    }
}
