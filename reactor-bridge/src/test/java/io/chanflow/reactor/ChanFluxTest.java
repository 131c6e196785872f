package io.chanflow.reactor;

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
import io.chanflow.context.ContextDoneException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.util.function.Tuple2;

/**
 * {@link ChanFlux} with Reactor's own test tools: StepVerifier for each operator, TestPublisher for the
 * requests a bridge makes. Every test ends with no goroutine of its own left running.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ChanFluxTest {
    static Channel<Integer> closedChannelOf(int n) {
        Channel<Integer> ch = Channel.make(n);
        IntStream.range(0, n).forEach(ch::trySend);
        ch.close();
        return ch;
    }

    /** A flux that counts what is requested from it. */
    static <T> Flux<T> counting(Flux<T> flux, AtomicLong requested) {
        return flux.doOnRequest(n -> requested.addAndGet(n));
    }

    // ------------------------------------------------------------------------------------- from

    @Test
    void fromEmitsTheChannelsValuesAndCompletesWhenItIsClosed() {
        StepVerifier.create(ChanFlux.from(closedChannelOf(3))).expectNext(0, 1, 2).verifyComplete();
    }

    @Test
    void fromCompletesWithoutAFurtherRequestOnceTheRequestedValuesDrainedTheChannel() {
        StepVerifier.create(ChanFlux.from(closedChannelOf(3)), 3).expectNext(0, 1, 2).verifyComplete();
    }

    @Test
    void fromFailsASubscriberThatRequestedNothingWhenTheChannelIsClosedWithACause() {
        Channel<Integer> ch = Channel.make();
        IllegalStateException cause = new IllegalStateException("disk");
        ch.close(cause);
        StepVerifier.create(ChanFlux.from(ch), 0).verifyErrorSatisfies(e -> assertThat(e).isSameAs(cause));
    }

    @Test
    void fromFailsWithTheVeryCauseTheChannelWasClosedWith() {
        Channel<Integer> ch = Channel.make(1);
        ch.trySend(7);
        IllegalStateException cause = new IllegalStateException("disk");
        ch.close(cause);
        StepVerifier.create(ChanFlux.from(ch)).expectNext(7).verifyErrorSatisfies(e -> assertThat(e).isSameAs(cause));
    }

    @Test
    void fromTakesOneValuePerRequestedValueAndLeavesTheRest() {
        Channel<Integer> ch = Channel.make(5);
        IntStream.range(0, 5).forEach(ch::trySend);
        StepVerifier.create(ChanFlux.from(ch), 2)
                .expectNext(0, 1)
                .then(() -> assertThat(ch.len()).isEqualTo(3))
                .thenCancel()
                .verify();
        assertThat(ch.tryReceive()).isEqualTo(2);
    }

    @Test
    void fromCancelCancelsTheProducersContext() {
        CancelContext producer = Context.withCancel(Context.background());
        StepVerifier.create(ChanFlux.from(Channel.<Integer>make(), producer)).thenRequest(1).thenCancel().verify();
        assertThat(producer.err()).isNotNull();
    }

    // ---------------------------------------------------------------------------------- toChannel

    @Test
    void toChannelNeverRequestsMoreThanReceivedPlusCapacity() throws Exception {
        AtomicLong requested = new AtomicLong();
        ReceiveChannel<Integer> ch = ChanFlux.toChannel(counting(Flux.range(0, 1_000), requested), 8);
        for (int received = 0; received < 1_000; ) {
            assertThat(ch.receive()).isEqualTo(received++);
            assertThat(requested.get()).isLessThanOrEqualTo(received + 8L);
        }
        assertThat(ch.receiveOk().ok()).isFalse();
    }

    @Test
    void toChannelASlowConsumerSlowsTheProducer() throws Exception {
        TestPublisher<Integer> source = TestPublisher.create();
        AtomicLong requested = new AtomicLong();
        ReceiveChannel<Integer> ch = ChanFlux.toChannel(counting(source.flux(), requested), 4);
        source.assertMinRequested(4);
        source.next(1, 2, 3, 4); // a compliant TestPublisher fails on emitting beyond demand
        source.assertMaxRequested(0);
        assertThat(ch.receive()).isEqualTo(1);
        assertThat(ch.receive()).isEqualTo(2);
        source.assertMaxRequested(0); // 2 of 4 taken: below the 75% mark
        assertThat(ch.receive()).isEqualTo(3);
        source.assertMinRequested(3);
        assertThat(requested.get()).isEqualTo(7);
        source.complete();
    }

    @Test
    void toChannelClosesWithTheUpstreamsErrorAfterTheValuesBeforeIt() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ReceiveChannel<Integer> ch = ChanFlux.toChannel(Flux.just(1).concatWith(Flux.error(boom)), 4);
        assertThat(ch.receive()).isEqualTo(1);
        assertThatThrownBy(ch::receive).isInstanceOf(ChannelClosedException.class).hasCauseReference(boom);
    }

    @Test
    void toChannelContextCancelCancelsUpstream() {
        TestPublisher<Integer> source = TestPublisher.create();
        CancelContext ctx = Context.withCancel(Context.background());
        ReceiveChannel<Integer> ch = ChanFlux.toChannel(source, ctx, 4);
        ctx.cancel();
        await().untilAsserted(source::assertCancelled);
        assertThatThrownBy(ch::receive).hasCauseInstanceOf(ContextDoneException.class);
    }

    @Test
    void toChannelRejectsAPublisherThatEmitsBeyondDemand() {
        TestPublisher<Integer> source = TestPublisher.createNoncompliant(TestPublisher.Violation.REQUEST_OVERFLOW);
        ReceiveChannel<Integer> ch = ChanFlux.toChannel(source, 2);
        source.next(1, 2, 3);
        source.assertCancelled();
        assertThat(ch.tryReceive()).isEqualTo(1);
        assertThat(ch.tryReceive()).isEqualTo(2);
        assertThatThrownBy(ch::tryReceive).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void intoFeedsAChannelAndClosesItWhenTheFluxCompletes() {
        Channel<Integer> ch = Channel.make();
        ChanFlux.into(Flux.range(0, 50), ch, Context.background(), 8);
        assertThat(ch.stream().toList()).isEqualTo(IntStream.range(0, 50).boxed().toList());
    }

    // ------------------------------------------------------------------------------------- stage

    @Test
    void stageRunsChannelCodeAsATransformOperator() {
        Flux<String> out = Flux.range(0, 100).transform(ChanFlux.stage(4,
                (ReceiveChannel<Integer> in, SendChannel<String> o) -> {
                    for (Integer x : in) {
                        o.send("v" + x);
                    }
                }));
        StepVerifier.create(out.collectList())
                .assertNext(list -> assertThat(list).containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 100).mapToObj(x -> "v" + x).toList()))
                .verifyComplete();
    }

    @Test
    void stagePassesTheUpstreamErrorOnUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        Flux<Integer> out = Flux.just(1, 2).concatWith(Flux.error(boom)).transform(ChanFlux.stage(2,
                (ReceiveChannel<Integer> in, SendChannel<Integer> o) -> {
                    for (Integer x : in) {
                        o.send(x);
                    }
                }));
        StepVerifier.create(out).expectNextCount(2).verifyErrorSatisfies(e -> assertThat(e).isSameAs(boom));
    }

    @Test
    void stageDownstreamCancelCancelsUpstreamAndEndsItsGoroutines() {
        TestPublisher<Integer> source = TestPublisher.create();
        Flux<Integer> out = source.flux().transform(ChanFlux.stage(3,
                (ReceiveChannel<Integer> in, SendChannel<Integer> o) -> {
                    for (Integer x : in) {
                        o.send(x);
                    }
                }));
        StepVerifier.create(out, 1)
                .then(() -> source.next(1, 2, 3))
                .expectNextMatches(v -> v >= 1 && v <= 3) // three unordered workers: any may finish first
                .thenCancel()
                .verify();
        await().untilAsserted(source::assertCancelled);
    }

    @Test
    void stageOrderedKeepsTheInputOrderWhenLaterValuesFinishFirst() {
        CountDownLatch laterDone = new CountDownLatch(2);
        Flux<Integer> out = Flux.range(0, 10).transform(ChanFlux.stageOrdered(3, x -> {
            if (x == 0) {
                laterDone.await();
            } else if (x <= 2) {
                laterDone.countDown();
            }
            return x * 10;
        }));
        StepVerifier.create(out).expectNext(0, 10, 20, 30, 40, 50, 60, 70, 80, 90).verifyComplete();
    }

    // --------------------------------------------------------------------------------- tee, bridge

    @Test
    void teeGivesEveryValueToBothBranchesPacedByTheSlower() {
        AtomicLong requested = new AtomicLong();
        Tuple2<Flux<Integer>, Flux<Integer>> two = ChanFlux.tee(counting(Flux.range(0, 100), requested));
        List<Integer> fast = new CopyOnWriteArrayList<>();
        two.getT1().subscribe(fast::add);

        StepVerifier.create(two.getT2(), 5)
                .expectNext(0, 1, 2, 3, 4)
                .then(() -> assertThat(fast).as("the fast branch waits for the slow one").hasSizeLessThanOrEqualTo(6))
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(95)
                .verifyComplete();
        await().until(() -> fast.size() == 100);
        assertThat(fast).isEqualTo(IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void teeACancelledBranchIsDroppedAndBothCancelledCancelUpstream() {
        TestPublisher<Integer> source = TestPublisher.create();
        Tuple2<Flux<Integer>, Flux<Integer>> two = ChanFlux.tee(source);
        StepVerifier.create(two.getT1().take(1))
                .then(() -> StepVerifier.create(two.getT2(), 3)
                        .then(() -> source.next(1, 2, 3))
                        .expectNext(1, 2, 3)
                        .thenCancel()
                        .verify())
                .expectNext(1)
                .verifyComplete();
        await().untilAsserted(source::assertCancelled);
    }

    @Test
    void teeAllowsOneSubscriberPerBranch() {
        Tuple2<Flux<Integer>, Flux<Integer>> two = ChanFlux.tee(Flux.range(0, 3));
        StepVerifier.create(Flux.zip(two.getT1(), two.getT2())).expectNextCount(3).verifyComplete();
        StepVerifier.create(two.getT1()).verifyError(IllegalStateException.class);
    }

    @Test
    void bridgeFlattensTheInnerFluxesInOrder() {
        Flux<Flux<Integer>> pages = Flux.range(0, 4).map(p -> Flux.range(p * 10, 3));
        StepVerifier.create(ChanFlux.bridge(pages))
                .expectNext(0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32)
                .verifyComplete();
    }

    @Test
    void bridgeEndsWithTheErrorOfAnInnerFlux() {
        IllegalStateException boom = new IllegalStateException("page 2 failed");
        Flux<Flux<Integer>> pages = Flux.just(Flux.just(1), Flux.<Integer>error(boom), Flux.just(3));
        StepVerifier.create(ChanFlux.bridge(pages)).expectNext(1).verifyErrorSatisfies(e -> assertThat(e).isSameAs(boom));
    }

    @Test
    void bridgeCancelCancelsTheCurrentInnerFluxAndTheOuter() {
        TestPublisher<Integer> inner = TestPublisher.create();
        TestPublisher<Flux<Integer>> outer = TestPublisher.create();
        StepVerifier.create(ChanFlux.bridge(outer), 1)
                .then(() -> outer.next(inner.flux()))
                .then(() -> await().untilAsserted(() -> inner.assertSubscribers(1))) // a goroutine subscribes it
                .then(() -> inner.next(5))
                .expectNext(5)
                .thenCancel()
                .verify();
        await().untilAsserted(inner::assertCancelled);
        await().untilAsserted(outer::assertCancelled);
    }
}
