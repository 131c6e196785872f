package io.chanflow.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ChanFlowable} with RxJava's own test tools: {@link TestSubscriber} for each operator and for the
 * requests a bridge makes. Every test ends with no goroutine of its own left running.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ChanFlowableTest {
    static Channel<Integer> closedChannelOf(int n) {
        Channel<Integer> ch = Channel.make(n);
        IntStream.range(0, n).forEach(ch::trySend);
        ch.close();
        return ch;
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void fromEmitsTheChannelsValuesAndCompletesWhenItIsClosed() {
        ChanFlowable.from(closedChannelOf(3)).test().awaitDone(5, TimeUnit.SECONDS).assertResult(0, 1, 2);
    }

    @Test
    void fromCompletesWithoutAFurtherRequestOnceTheRequestedValuesDrainedTheChannel() {
        ChanFlowable.from(closedChannelOf(3)).test(3).awaitDone(5, TimeUnit.SECONDS).assertResult(0, 1, 2);
    }

    @Test
    void fromFailsASubscriberThatRequestedNothingWhenTheChannelIsClosedWithACause() {
        Channel<Integer> ch = Channel.make();
        IllegalStateException cause = new IllegalStateException("disk");
        ch.close(cause);
        ChanFlowable.from(ch).test(0).awaitDone(5, TimeUnit.SECONDS).assertNoValues().assertError(e -> e == cause);
    }

    @Test
    void fromFailsWithTheVeryCauseTheChannelWasClosedWith() {
        Channel<Integer> ch = Channel.make(1);
        ch.trySend(7);
        IllegalStateException cause = new IllegalStateException("disk");
        ch.close(cause);
        ChanFlowable.from(ch).test().awaitDone(5, TimeUnit.SECONDS).assertValues(7).assertError(e -> e == cause);
    }

    @Test
    void fromTakesOneValuePerRequestedValueAndLeavesTheRest() throws Exception {
        Channel<Integer> ch = Channel.make(5);
        IntStream.range(0, 5).forEach(ch::trySend);
        TestSubscriber<Integer> ts = ChanFlowable.from(ch).test(2);
        ts.awaitCount(2).assertValues(0, 1);
        assertThat(ch.len()).isEqualTo(3);
        ts.cancel();
        assertThat(ch.receive()).isEqualTo(2);
    }

    @Test
    void disposingCancelsTheProducersContext() {
        CancelContext producer = Context.withCancel(Context.background());
        var disposable = ChanFlowable.from(Channel.<Integer>make(), producer).subscribe();
        disposable.dispose();
        assertThat(producer.err()).isNotNull();
    }

    @Test
    void toChannelNeverRequestsMoreThanReceivedPlusCapacity() throws Exception {
        AtomicLong requested = new AtomicLong();
        ReceiveChannel<Integer> ch = ChanFlowable.toChannel(
                Flowable.range(0, 1_000).doOnRequest(requested::addAndGet), 8);
        for (int received = 0; received < 1_000; ) {
            assertThat(ch.receive()).isEqualTo(received++);
            assertThat(requested.get()).isLessThanOrEqualTo(received + 8L);
        }
        assertThat(ch.receiveOk().ok()).isFalse();
    }

    @Test
    void toChannelClosesWithTheUpstreamsErrorAfterTheValuesBeforeIt() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ReceiveChannel<Integer> ch = ChanFlowable.toChannel(Flowable.just(1).concatWith(Flowable.error(boom)), 4);
        assertThat(ch.receive()).isEqualTo(1);
        assertThatThrownBy(ch::receive).isInstanceOf(ChannelClosedException.class).hasCauseReference(boom);
    }

    @Test
    void toChannelContextCancelCancelsUpstream() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CancelContext ctx = Context.withCancel(Context.background());
        ChanFlowable.toChannel(Flowable.<Integer>never().doOnCancel(() -> cancelled.set(true)), ctx, 4);
        ctx.cancel();
        await().untilTrue(cancelled);
    }

    @Test
    void stageRunsChannelCodeAsAComposeOperator() {
        Flowable<String> out = Flowable.range(0, 100).compose(ChanFlowable.stage(4,
                (ReceiveChannel<Integer> in, SendChannel<String> o) -> {
                    for (Integer x : in) {
                        o.send("v" + x);
                    }
                }));
        List<String> got = out.toList().blockingGet();
        assertThat(got).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).mapToObj(x -> "v" + x).toList());
    }

    @Test
    void stageASlowConsumerSlowsTheProducer() {
        AtomicLong requested = new AtomicLong();
        TestSubscriber<Integer> ts = Flowable.range(0, 10_000)
                .doOnRequest(requested::addAndGet)
                .compose(ChanFlowable.stage(2, 8, (ReceiveChannel<Integer> in, SendChannel<Integer> o) -> {
                    for (Integer x : in) {
                        o.send(x);
                    }
                }))
                .test(10);
        ts.awaitCount(10);
        // 10 delivered, at most 2 in the output buffer and 2 in the workers' hands, plus the prefetch
        await().until(() -> requested.get() >= 8);
        assertThat(requested.get()).isLessThanOrEqualTo(10 + 2 + 2 + 8);
        ts.cancel();
    }

    @Test
    void stageDisposeCancelsUpstreamAndEndsItsGoroutines() {
        PublishProcessor<Integer> source = PublishProcessor.create();
        TestSubscriber<Integer> ts = source.compose(ChanFlowable.stage(3,
                (ReceiveChannel<Integer> in, SendChannel<Integer> o) -> {
                    for (Integer x : in) {
                        o.send(x);
                    }
                })).test(1);
        await().until(source::hasSubscribers);
        source.onNext(1);
        ts.awaitCount(1).assertValues(1);
        ts.cancel();
        await().until(() -> !source.hasSubscribers());
    }

    @Test
    void stageOrderedKeepsTheInputOrderWhenLaterValuesFinishFirst() {
        CountDownLatch laterDone = new CountDownLatch(2);
        Flowable<Integer> out = Flowable.range(0, 10).compose(ChanFlowable.stageOrdered(3, x -> {
            if (x == 0) {
                laterDone.await();
            } else if (x <= 2) {
                laterDone.countDown();
            }
            return x * 10;
        }));
        out.test().awaitDone(5, TimeUnit.SECONDS).assertResult(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
    }

    @Test
    void stagePassesTheUpstreamErrorOnUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        Flowable.just(1, 2).concatWith(Flowable.<Integer>error(boom))
                .compose(ChanFlowable.stage(2, (ReceiveChannel<Integer> in, SendChannel<Integer> o) -> {
                    for (Integer x : in) {
                        o.send(x);
                    }
                }))
                .test().awaitDone(5, TimeUnit.SECONDS)
                .assertValueCount(2).assertError(e -> e == boom);
    }

    @Test
    void teeGivesEveryValueToBothBranchesPacedByTheSlower() {
        List<Flowable<Integer>> two = ChanFlowable.tee(Flowable.range(0, 100));
        TestSubscriber<Integer> fast = two.get(0).test();
        TestSubscriber<Integer> slow = two.get(1).test(5);
        slow.awaitCount(5).assertValues(0, 1, 2, 3, 4);
        assertThat(fast.values().size()).as("the fast branch waits for the slow one").isLessThanOrEqualTo(6);
        slow.requestMore(Long.MAX_VALUE);
        slow.awaitDone(5, TimeUnit.SECONDS).assertValueSequence(range(100)).assertComplete();
        fast.awaitDone(5, TimeUnit.SECONDS).assertValueSequence(range(100)).assertComplete();
    }

    @Test
    void bridgeFlattensTheInnerFlowablesInOrder() {
        Flowable<Flowable<Integer>> pages = Flowable.range(0, 3).map(p -> Flowable.range(p * 10, 2));
        ChanFlowable.bridge(pages).test().awaitDone(5, TimeUnit.SECONDS).assertResult(0, 1, 10, 11, 20, 21);
    }
}
