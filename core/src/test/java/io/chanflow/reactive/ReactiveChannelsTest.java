package io.chanflow.reactive;

import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * The rules of {@link ReactiveChannels} beyond what the TCK checks: exact demand, who receives, how closing,
 * errors and cancellation travel, and that every goroutine a bridge starts ends (the leak check runs after
 * each test).
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReactiveChannelsTest {

    /** Waits until every goroutine started since {@code before} has ended. */
    static void awaitGoroutinesEnded(Goroutines.Snapshot before) {
        await().atMost(Duration.ofSeconds(5)).until(() -> Goroutines.startedSince(before).isEmpty());
    }

    /** Waits until the goroutines started since {@code before} are all parked (blocked or waiting for demand). */
    static void awaitGoroutinesParked(Goroutines.Snapshot before) {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            List<Goroutines.GoroutineInfo> started = Goroutines.startedSince(before);
            return !started.isEmpty() && started.stream().allMatch(g -> g.thread().getState() == Thread.State.WAITING);
        });
    }

    static Channel<Integer> closedChannelOf(int... values) {
        Channel<Integer> ch = Channel.make(values.length);
        for (int v : values) {
            ch.trySend(v);
        }
        ch.close();
        return ch;
    }

    @Nested
    class ChannelAsPublisher {
        @Test
        void receivesOnlyWhatWasRequestedAndLeavesTheRestToOtherReceivers() throws Exception {
            Channel<Integer> ch = Channel.make(5);
            for (int i = 1; i <= 5; i++) {
                ch.send(i);
            }
            Goroutines.Snapshot before = Goroutines.snapshot();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(ch).subscribe(sub);
            sub.request(2);
            await().until(() -> sub.values.size() == 2);
            awaitGoroutinesParked(before);

            assertThat(sub.values).containsExactly(1, 2);
            assertThat(ch.len()).isEqualTo(3);
            assertThat(ch.receive()).isEqualTo(3);
            sub.subscription.cancel();
            awaitGoroutinesEnded(before);
        }

        @Test
        void withoutDemandItIsNotAReceiverOfTheChannel() {
            Channel<Integer> ch = Channel.make();
            Goroutines.Snapshot before = Goroutines.snapshot();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(ch).subscribe(sub);
            sub.request(1);
            await().until(() -> ch.trySend(7));
            await().until(() -> sub.values.size() == 1);
            awaitGoroutinesParked(before);

            assertThat(ch.trySend(8)).as("an unbuffered send finds no receiver without demand").isFalse();
            sub.subscription.cancel();
            awaitGoroutinesEnded(before);
        }

        @Test
        void completesOnceTheChannelIsClosedAndDrained() throws Exception {
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(closedChannelOf(1, 2, 3)).subscribe(sub);
            sub.request(Long.MAX_VALUE);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.values).containsExactly(1, 2, 3);
            assertThat(sub.completed).isTrue();
        }

        @Test
        void completesWithoutAFurtherRequestOnceTheRequestedValuesDrainedTheClosedChannel() throws Exception {
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(closedChannelOf(1, 2, 3)).subscribe(sub);
            sub.request(3);

            assertThat(sub.awaitTermination()).as("Rule 1.5: onComplete needs no demand").isTrue();
            assertThat(sub.values).containsExactly(1, 2, 3);
            assertThat(sub.completed).isTrue();
        }

        @Test
        void completesWithoutDemandWhenTheChannelIsClosedAfterItsValuesWereDelivered() throws Exception {
            Channel<Integer> ch = Channel.make(1);
            Goroutines.Snapshot before = Goroutines.snapshot();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(ch).subscribe(sub);
            sub.request(1);
            ch.send(1);
            await().until(() -> sub.values.size() == 1);
            awaitGoroutinesParked(before);
            ch.close();

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.completed).isTrue();
            awaitGoroutinesEnded(before);
        }

        @Test
        void signalsTheCloseCauseToASubscriberThatRequestedNothing() throws Exception {
            Channel<Integer> ch = Channel.make();
            IllegalStateException cause = new IllegalStateException("failed before anyone subscribed");
            ch.close(cause);
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(ch).subscribe(sub);

            assertThat(sub.awaitTermination()).as("Rule 1.4: onError needs no demand").isTrue();
            assertThat(sub.values).isEmpty();
            assertThat(sub.error).isSameAs(cause);
        }

        @Test
        void signalsTheCloseCauseWithOnErrorAfterTheBufferedValues() throws Exception {
            Channel<Integer> ch = Channel.make(2);
            ch.send(1);
            IllegalStateException cause = new IllegalStateException("disk");
            ch.close(cause);
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(ch).subscribe(sub);
            sub.request(5);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.values).containsExactly(1);
            assertThat(sub.error).isSameAs(cause);
        }

        @Test
        void signalsEveryValueFromTheSubscriptionsGoroutineNeverTheRequestingThread() throws Exception {
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(closedChannelOf(1, 2, 3, 4)).subscribe(sub);
            sub.request(4);
            sub.request(1);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(new HashSet<>(sub.threads)).hasSize(1);
            assertThat(sub.threads.get(0).isVirtual()).isTrue();
            assertThat(sub.threads.get(0)).isNotSameAs(Thread.currentThread());
        }

        @Test
        void cancelWakesTheGoroutineBlockedOnAnEmptyChannelAndTakesNothing() {
            Channel<Integer> ch = Channel.make();
            Goroutines.Snapshot before = Goroutines.snapshot();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(ch).subscribe(sub);
            sub.request(1);
            awaitGoroutinesParked(before);

            sub.subscription.cancel();
            awaitGoroutinesEnded(before);
            assertThat(ch.trySend(1)).as("no receiver is left behind on the channel").isFalse();
            assertThat(sub.values).isEmpty();
            assertThat(sub.terminated.getCount()).isEqualTo(1);
        }

        @Test
        void cancelCancelsTheProducersContext() {
            CancelContext producer = Context.withCancel(Context.background());
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(Channel.<Integer>make(), producer).subscribe(sub);

            sub.subscription.cancel();
            assertThat(producer.err()).isNotNull();
        }

        @Test
        void requestOfZeroSignalsIllegalArgumentExceptionAndStops() throws Exception {
            CancelContext producer = Context.withCancel(Context.background());
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.publisher(closedChannelOf(1), producer).subscribe(sub);
            sub.request(0);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
            assertThat(producer.err()).isNotNull();
        }
    }

    @Nested
    class PublisherAsChannel {
        @Test
        void requestsTheCapacityThenRefillsInBatchesOfThreeQuarters() throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            ReceiveChannel<Integer> ch = ReactiveChannels.channel(pub, 8);
            assertThat(pub.requests).containsExactly(8L);

            pub.emit(1, 2, 3, 4, 5, 6, 7, 8);
            for (int i = 1; i <= 5; i++) {
                assertThat(ch.receive()).isEqualTo(i);
            }
            assertThat(pub.requests).as("5 of 8 taken: below the 75%% mark").containsExactly(8L);
            assertThat(ch.receive()).isEqualTo(6);
            assertThat(pub.requests).containsExactly(8L, 6L);
            pub.complete();
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 7, 64})
        void neverRequestsMoreThanReceivedPlusCapacity(int capacity) throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            ReceiveChannel<Integer> ch = ReactiveChannels.channel(pub, capacity);
            java.util.Random random = new java.util.Random(capacity);
            int received = 0;
            int next = 0;
            while (received < 1_000) {
                while (pub.outstanding() > 0) {
                    pub.emit(next++); // never blocks: the channel has room for every requested value
                }
                int take = 1 + random.nextInt(ch.len()); // what is buffered: this thread also emits
                for (int i = 0; i < take; i++) {
                    assertThat(ch.receive()).isEqualTo(received++);
                    assertThat(pub.requested.get()).isLessThanOrEqualTo(received + capacity);
                }
            }
        }

        @Test
        void everyReceiveFormCountsTowardsTheNextRequest() throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            ReceiveChannel<Integer> ch = ReactiveChannels.channel(pub, 4); // refills 3 at a time
            pub.emit(1, 2, 3, 4);
            assertThat((Integer) select(ch.<Integer>onReceive(v -> v))).isEqualTo(1);
            assertThat(ch.tryReceive()).isEqualTo(2);
            assertThat(ch.iterator().next()).isEqualTo(3);
            assertThat(pub.requests).containsExactly(4L, 3L);
            assertThat(ch.receiveOk().value()).isEqualTo(4);
            pub.complete();
        }

        @Test
        void closesTheChannelOnCompleteAfterTheBufferedValues() {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            ReceiveChannel<Integer> ch = ReactiveChannels.channel(pub, 4);
            pub.emit(1, 2);
            pub.complete();

            List<Integer> got = new ArrayList<>();
            ch.forEach(got::add);
            assertThat(got).containsExactly(1, 2);
        }

        @Test
        void closesTheChannelWithTheErrorAfterTheBufferedValues() throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            ReceiveChannel<Integer> ch = ReactiveChannels.channel(pub, 4);
            IllegalStateException boom = new IllegalStateException("boom");
            pub.emit(1, 2);
            pub.error(boom);

            assertThat(ch.receive()).isEqualTo(1);
            assertThat(ch.receive()).isEqualTo(2);
            assertThatThrownBy(ch::receive).isInstanceOf(ChannelClosedException.class).hasCauseReference(boom);
        }

        @Test
        void aPublisherThatEmitsBeyondDemandFailsTheChannelAndIsCancelled() throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            ReceiveChannel<Integer> ch = ReactiveChannels.channel(pub, 2);
            pub.emit(1, 2, 3);

            assertThat(pub.cancelled).isTrue();
            assertThat(ch.receive()).isEqualTo(1);
            assertThat(ch.receive()).isEqualTo(2);
            assertThatThrownBy(ch::receive).isInstanceOf(ChannelClosedException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("Rule 1.1");
        }

        @Test
        void contextCancelCancelsTheSubscriptionAndClosesWithTheContextsCause() {
            Goroutines.Snapshot before = Goroutines.snapshot();
            CancelContext ctx = Context.withCancel(Context.background());
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            ReceiveChannel<Integer> ch = ReactiveChannels.channel(pub, ctx, 4);
            pub.emit(1);

            ctx.cancel();
            await().untilTrue(pub.cancelled);
            assertThat(ch.tryReceive()).isEqualTo(1);
            assertThatThrownBy(ch::receive).isInstanceOf(ChannelClosedException.class)
                    .hasCauseInstanceOf(ContextDoneException.class);
            pub.emit(2); // trails the cancel (Rule 2.8): dropped
            awaitGoroutinesEnded(before);
        }
    }

    @Nested
    class SubscriberFeedingAChannel {
        @Test
        void onNextNeverBlocksAlthoughTheChannelHasNoReceiver() {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            Channel<Integer> out = Channel.make();
            pub.subscribe(ReactiveChannels.subscriber(out, Context.background(), 4));

            pub.emit(1, 2, 3, 4); // on this thread: returns although nobody receives
            assertThat(pub.requests).containsExactly(4L);
            out.close(); // nobody wants more: the subscriber cancels upstream
            await().untilTrue(pub.cancelled);
        }

        @Test
        void demandFollowsWhatTheChannelsReceiversTake() throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            Channel<Integer> out = Channel.make();
            pub.subscribe(ReactiveChannels.subscriber(out, Context.background(), 4)); // refills 3 at a time
            pub.emit(1, 2, 3, 4);

            assertThat(out.receive()).isEqualTo(1);
            assertThat(out.receive()).isEqualTo(2);
            assertThat(pub.requests).containsExactly(4L);
            assertThat(out.receive()).isEqualTo(3);
            await().until(() -> pub.requests.size() == 2);
            assertThat(pub.requests).containsExactly(4L, 3L);
            pub.complete();
            assertThat(out.receive()).isEqualTo(4);
            assertThat(out.receiveOk().ok()).isFalse();
        }

        @Test
        void closesTheChannelWithTheErrorAfterTheValuesBeforeIt() throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            Channel<Integer> out = Channel.make(8);
            pub.subscribe(ReactiveChannels.subscriber(out));
            IllegalStateException boom = new IllegalStateException("boom");
            pub.emit(1);
            pub.error(boom);

            assertThat(out.receive()).isEqualTo(1);
            assertThatThrownBy(out::receive).isInstanceOf(ChannelClosedException.class).hasCauseReference(boom);
        }

        @Test
        void contextCancelCancelsUpstreamAndClosesTheChannelWithTheContextsCause() {
            Goroutines.Snapshot before = Goroutines.snapshot();
            CancelContext ctx = Context.withCancel(Context.background());
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            Channel<Integer> out = Channel.make();
            pub.subscribe(ReactiveChannels.subscriber(out, ctx, 4));
            pub.emit(1);

            ctx.cancel();
            await().untilTrue(pub.cancelled);
            assertThatThrownBy(out::receive).isInstanceOf(ChannelClosedException.class)
                    .hasCauseInstanceOf(ContextDoneException.class);
            awaitGoroutinesEnded(before);
        }
    }

    @Nested
    class Stage {
        static Publisher<Integer> range(int n) {
            Channel<Integer> ch = Channel.make(n);
            IntStream.range(0, n).forEach(ch::trySend);
            ch.close();
            return ReactiveChannels.publisher(ch);
        }

        @Test
        void runsTheBodyOnEveryWorkerAndCompletesWhenAllReturn() throws Exception {
            Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            CountDownLatch allStarted = new CountDownLatch(4);
            Publisher<Integer> doubled = ReactiveChannels.stage(range(100), 4, (in, out) -> {
                workers.add(Thread.currentThread());
                allStarted.countDown();
                allStarted.await();
                for (Integer x : in) {
                    out.send(x * 2);
                }
            });
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            doubled.subscribe(sub);
            sub.request(Long.MAX_VALUE);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.completed).isTrue();
            assertThat(workers).hasSize(4);
            assertThat(sub.values).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).map(x -> 2 * x).boxed().toList());
        }

        @Test
        void passesTheUpstreamErrorDownstreamUnchanged() throws Exception {
            Goroutines.Snapshot before = Goroutines.snapshot();
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.<Integer, Integer>stage(pub, 2, (in, out) -> {
                for (Integer x : in) {
                    out.send(x);
                }
            }).subscribe(sub);
            sub.request(10);
            IllegalStateException boom = new IllegalStateException("boom");
            pub.emit(1);
            pub.error(boom);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.values).containsExactly(1);
            assertThat(sub.error).isSameAs(boom);
            awaitGoroutinesEnded(before);
        }

        /**
         * Values beyond demand end the stage as an upstream error does (Rule 1.1): every value requested
         * before the excess one goes through the workers, even one in a worker's hand while the other worker
         * finds the input closed, then onError(IllegalStateException). Staged with prefetch 1 and no demand:
         * 1 and 2 fill the output buffer, 3 and 4 wait in the workers' hands, 5 waits in the input, 6 is the
         * excess; then one request at a time lets one worker take 5 and block again while the other finds
         * the input closed and empty.
         */
        @Test
        void anUpstreamEmittingBeyondDemandFailsTheStageAfterEveryRequestedValue() throws Exception {
            Goroutines.Snapshot before = Goroutines.snapshot();
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.<Integer, Integer>stage(pub, 2, 1, (in, out) -> {
                for (Integer x : in) {
                    out.send(x);
                }
            }).subscribe(sub);
            for (int v = 1; v <= 4; v++) {
                pub.emit(v);
                long taken = v + 1;
                await().until(() -> pub.requested.get() == taken); // a worker took v: one more requested
            }
            pub.emit(5);
            pub.emit(6); // beyond demand
            for (int n = 1; n <= 2; n++) {
                sub.request(1);
                int delivered = n;
                await().until(() -> sub.values.size() == delivered);
            }
            sub.request(Long.MAX_VALUE);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.values).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            assertThat(sub.error).isInstanceOf(IllegalStateException.class);
            assertThat(pub.cancelled).isTrue();
            awaitGoroutinesEnded(before);
        }

        @Test
        void aWorkerThatThrowsFailsTheStageWithWhatItThrewAndCancelsUpstream() throws Exception {
            Goroutines.Snapshot before = Goroutines.snapshot();
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            IllegalArgumentException bad = new IllegalArgumentException("bad value");
            ReactiveChannels.<Integer, Integer>stage(pub, 3, (in, out) -> {
                for (Integer x : in) {
                    throw bad;
                }
            }).subscribe(sub);
            sub.request(10);
            pub.emit(1);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.error).isSameAs(bad);
            await().untilTrue(pub.cancelled);
            awaitGoroutinesEnded(before);
        }

        @Test
        void downstreamCancelCancelsUpstreamAndEndsEveryGoroutine() throws Exception {
            Goroutines.Snapshot before = Goroutines.snapshot();
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.<Integer, Integer>stage(pub, 3, (in, out) -> {
                for (Integer x : in) {
                    out.send(x);
                    out.send(x); // the second send blocks: downstream asked for one
                }
            }).subscribe(sub);
            sub.request(1);
            pub.emit(1, 2);
            await().until(() -> sub.values.size() == 1);

            sub.subscription.cancel();
            await().untilTrue(pub.cancelled);
            awaitGoroutinesEnded(before);
            assertThat(sub.terminated.getCount()).as("no terminal signal after cancel").isEqualTo(1);
        }

        @Test
        void neverRequestsMoreThanTheWorkersTookPlusThePrefetch() throws Exception {
            ManualPublisher<Integer> pub = new ManualPublisher<>();
            java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            ReactiveChannels.<Integer, Integer>stage(pub, 2, 8, (in, out) -> {
                for (Integer x : in) {
                    taken.incrementAndGet();
                    out.send(x);
                }
            }).subscribe(sub);
            sub.request(Long.MAX_VALUE);
            for (int i = 0; i < 500; i++) {
                while (pub.outstanding() == 0) {
                    Thread.onSpinWait();
                }
                pub.emit(i);
                // a worker counts a value just after its receive made the request: allow one per worker
                assertThat(pub.requested.get()).isLessThanOrEqualTo(taken.get() + 8 + 2);
            }
            pub.complete();
            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.values).hasSize(500);
        }

        @Test
        void orderedStageEmitsInInputOrderWhenLaterValuesFinishFirst() throws Exception {
            CountDownLatch laterDone = new CountDownLatch(2);
            Publisher<String> out = ReactiveChannels.stageOrdered(range(6), 3, x -> {
                if (x == 0) {
                    laterDone.await(); // 1 and 2 finish before 0
                } else if (x <= 2) {
                    laterDone.countDown();
                }
                return "v" + x;
            });
            RecordingSubscriber<String> sub = new RecordingSubscriber<>();
            out.subscribe(sub);
            sub.request(Long.MAX_VALUE);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.values).containsExactly("v0", "v1", "v2", "v3", "v4", "v5");
        }

        @Test
        void orderedStageFailsWithWhatTheMapperThrewAfterTheResultsBeforeIt() throws Exception {
            Goroutines.Snapshot before = Goroutines.snapshot();
            IllegalStateException boom = new IllegalStateException("boom at 3");
            Publisher<Integer> out = ReactiveChannels.stageOrdered(range(10), 2, x -> {
                if (x == 3) {
                    throw boom;
                }
                return x;
            });
            RecordingSubscriber<Integer> sub = new RecordingSubscriber<>();
            out.subscribe(sub);
            sub.request(Long.MAX_VALUE);

            assertThat(sub.awaitTermination()).isTrue();
            assertThat(sub.values).containsExactly(0, 1, 2);
            assertThat(sub.error).isSameAs(boom);
            awaitGoroutinesEnded(before);
        }
    }

    @Test
    void aSubscriberRejectsNullSignals() {
        Subscriber<Integer> s = ReactiveChannels.subscriber(Channel.make(1));
        assertThatThrownBy(() -> s.onNext(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> s.onError(null)).isInstanceOf(NullPointerException.class);
    }
}
