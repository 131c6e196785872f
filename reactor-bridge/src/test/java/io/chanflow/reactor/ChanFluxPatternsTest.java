package io.chanflow.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chanflow.Goroutines;
import io.chanflow.context.ContextDoneException;
import io.chanflow.pattern.Distribution;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * {@link ChanFlux#fanIn}, {@link ChanFlux#fanOut} and {@link ChanFlux#workerPool}: the core patterns over
 * fluxes, with errors and cancellation in both directions; every test ends with no goroutine left.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ChanFluxPatternsTest {
    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void fanInMergesEverySourceKeepingEachSourcesOrderAndCompletesWhenAllHave() {
        List<Integer> got = ChanFlux.fanIn(Flux.range(0, 100), Flux.range(100, 100), Flux.range(200, 100))
                .collectList().block(Duration.ofSeconds(10));
        assertThat(got).containsExactlyInAnyOrderElementsOf(range(0, 300));
        assertThat(got.stream().filter(x -> x >= 100 && x < 200).toList()).isEqualTo(range(100, 200));
    }

    @Test
    void fanInEndsWithTheFirstSourcesVeryErrorAndCancelsTheOthers() {
        IllegalStateException cause = new IllegalStateException("disk");
        AtomicBoolean otherCancelled = new AtomicBoolean();
        StepVerifier.create(ChanFlux.fanIn(Flux.<Integer>error(cause),
                        Flux.<Integer>never().doOnCancel(() -> otherCancelled.set(true))))
                .verifyErrorSatisfies(e -> assertThat(e).isSameAs(cause));
        await().untilTrue(otherCancelled);
    }

    @Test
    void fanInCancelCancelsEverySource() {
        AtomicBoolean first = new AtomicBoolean();
        AtomicBoolean second = new AtomicBoolean();
        StepVerifier.create(ChanFlux.fanIn(Flux.range(0, 1_000_000).doOnCancel(() -> first.set(true)),
                        Flux.<Integer>never().doOnCancel(() -> second.set(true))))
                .expectNextCount(10)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        await().untilTrue(first);
        await().untilTrue(second);
    }

    @Test
    void fanOutGivesEachValueToExactlyOneBranchRoundRobin() {
        List<Flux<Integer>> branches = ChanFlux.fanOut(Flux.range(0, 1_000), 2, Distribution.ROUND_ROBIN);
        List<Integer> got = Flux.merge(branches.get(0).map(x -> x * 10), branches.get(1).map(x -> x * 10 + 1))
                .collectList().block(Duration.ofSeconds(10));
        assertThat(got).hasSize(1_000);
        assertThat(got).allMatch(x -> x % 10 == (x / 10) % 2, "even values to the first branch, odd to the second");
    }

    @Test
    void fanOutASourceErrorReachesEveryBranchAfterTheValuesBeforeIt() {
        IllegalStateException cause = new IllegalStateException("disk");
        List<Flux<Integer>> branches = ChanFlux.fanOut(
                Flux.range(0, 4).concatWith(Flux.error(cause)), 2, Distribution.FIRST_FREE);
        StepVerifier.create(Flux.mergeDelayError(2, branches.get(0), branches.get(1)))
                .expectNextCount(4)
                .verifyErrorSatisfies(e -> assertThat(reactor.core.Exceptions.unwrapMultiple(e))
                        .as("each branch's error").hasSize(2).allMatch(x -> x == cause));
    }

    @Test
    void fanOutABranchsCancelCancelsTheSourceAndEndsTheOtherBranch() {
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        List<Flux<Integer>> branches = ChanFlux.fanOut(
                Flux.range(0, 1_000_000).doOnCancel(() -> sourceCancelled.set(true)), 2, Distribution.FIRST_FREE);
        StepVerifier other = StepVerifier.create(branches.get(1))
                .thenConsumeWhile(x -> true)
                .expectError(ContextDoneException.class)
                .verifyLater();
        StepVerifier.create(branches.get(0)).expectNextCount(5).thenCancel().verify(Duration.ofSeconds(5));
        other.verify(Duration.ofSeconds(5));
        await().untilTrue(sourceCancelled);
    }

    @Test
    void workerPoolRunsEveryJobAndCompletesAfterTheLastResult() {
        StepVerifier.create(Flux.range(0, 500).transform(ChanFlux.workerPool(4, 8, (ctx, x) -> x * 2)))
                .recordWith(java.util.ArrayList::new)
                .expectNextCount(500)
                .consumeRecordedWith(r -> assertThat(r).containsExactlyInAnyOrderElementsOf(
                        range(0, 500).stream().map(x -> x * 2).toList()))
                .verifyComplete();
    }

    @Test
    void workerPoolDeliversEveryResultBeforeTheUpstreamsVeryError() {
        IllegalStateException cause = new IllegalStateException("disk");
        StepVerifier.create(Flux.range(0, 20).concatWith(Flux.error(cause))
                        .transform(ChanFlux.workerPool(3, 4, (ctx, x) -> x)))
                .expectNextCount(20)
                .verifyErrorSatisfies(e -> assertThat(e).isSameAs(cause));
    }

    @Test
    void workerPoolAJobThatThrowsEndsTheStreamWithItAndCancelsTheSource() {
        IllegalArgumentException boom = new IllegalArgumentException("job 7");
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        StepVerifier.create(Flux.range(0, 1_000_000).doOnCancel(() -> sourceCancelled.set(true))
                        .transform(ChanFlux.<Integer, Integer>workerPool(2, 2, (ctx, x) -> {
                            if (x == 7) {
                                throw boom;
                            }
                            return x;
                        })))
                .thenConsumeWhile(x -> true)
                .verifyErrorSatisfies(e -> assertThat(e).isSameAs(boom));
        await().untilTrue(sourceCancelled);
    }

    @Test
    void workerPoolCancelStopsThePoolAndCancelsTheSource() {
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        StepVerifier.create(Flux.range(0, 1_000_000).doOnCancel(() -> sourceCancelled.set(true))
                        .transform(ChanFlux.workerPool(4, 4, (ctx, x) -> x)), 0)
                .thenRequest(10)
                .expectNextCount(10)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        await().untilTrue(sourceCancelled);
    }
}
