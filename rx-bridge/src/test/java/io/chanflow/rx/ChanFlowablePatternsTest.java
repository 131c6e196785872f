package io.chanflow.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chanflow.Goroutines;
import io.chanflow.context.ContextDoneException;
import io.chanflow.pattern.Distribution;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ChanFlowable#fanIn}, {@link ChanFlowable#fanOut} and {@link ChanFlowable#workerPool} with RxJava's
 * TestSubscriber: errors and cancellation (dispose) in both directions; every test ends with no goroutine
 * left.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ChanFlowablePatternsTest {
    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void fanInMergesEverySourceKeepingEachSourcesOrderAndCompletesWhenAllHave() {
        TestSubscriber<Integer> ts = ChanFlowable.fanIn(Flowable.range(0, 100), Flowable.range(100, 100)).test();
        ts.awaitDone(10, TimeUnit.SECONDS).assertComplete().assertValueCount(200);
        assertThat(ts.values()).containsExactlyInAnyOrderElementsOf(range(0, 200));
        assertThat(ts.values().stream().filter(x -> x >= 100).toList()).isEqualTo(range(100, 200));
    }

    @Test
    void fanInEndsWithTheFirstSourcesVeryErrorAndCancelsTheOthers() {
        IllegalStateException cause = new IllegalStateException("disk");
        AtomicBoolean otherCancelled = new AtomicBoolean();
        ChanFlowable.fanIn(Flowable.<Integer>error(cause), Flowable.<Integer>never().doOnCancel(() -> otherCancelled.set(true)))
                .test().awaitDone(5, TimeUnit.SECONDS).assertError(e -> e == cause);
        await().untilTrue(otherCancelled);
    }

    @Test
    void fanInDisposeCancelsEverySource() {
        AtomicBoolean first = new AtomicBoolean();
        AtomicBoolean second = new AtomicBoolean();
        TestSubscriber<Integer> ts = ChanFlowable.fanIn(
                        Flowable.range(0, 1_000_000).doOnCancel(() -> first.set(true)),
                        Flowable.<Integer>never().doOnCancel(() -> second.set(true)))
                .test(10);
        await().until(() -> ts.values().size() == 10);
        ts.cancel();
        await().untilTrue(first);
        await().untilTrue(second);
    }

    @Test
    void fanOutGivesEachValueToExactlyOneBranchRoundRobin() {
        List<Flowable<Integer>> branches = ChanFlowable.fanOut(Flowable.range(0, 1_000), 2, Distribution.ROUND_ROBIN);
        TestSubscriber<Integer> even = branches.get(0).test();
        TestSubscriber<Integer> odd = branches.get(1).test();
        even.awaitDone(10, TimeUnit.SECONDS).assertComplete();
        odd.awaitDone(10, TimeUnit.SECONDS).assertComplete();
        assertThat(even.values()).isEqualTo(range(0, 1_000).stream().filter(x -> x % 2 == 0).toList());
        assertThat(odd.values()).isEqualTo(range(0, 1_000).stream().filter(x -> x % 2 == 1).toList());
    }

    @Test
    void fanOutASourceErrorReachesEveryBranchAfterTheValuesBeforeIt() {
        IllegalStateException cause = new IllegalStateException("disk");
        List<Flowable<Integer>> branches = ChanFlowable.fanOut(
                Flowable.range(0, 4).concatWith(Flowable.error(cause)), 2, Distribution.FIRST_FREE);
        TestSubscriber<Integer> a = branches.get(0).test();
        TestSubscriber<Integer> b = branches.get(1).test();
        a.awaitDone(5, TimeUnit.SECONDS).assertError(e -> e == cause);
        b.awaitDone(5, TimeUnit.SECONDS).assertError(e -> e == cause);
        assertThat(a.values().size() + b.values().size()).isEqualTo(4);
    }

    @Test
    void fanOutABranchsDisposeCancelsTheSourceAndEndsTheOtherBranch() {
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        List<Flowable<Integer>> branches = ChanFlowable.fanOut(
                Flowable.range(0, 1_000_000).doOnCancel(() -> sourceCancelled.set(true)), 2, Distribution.FIRST_FREE);
        TestSubscriber<Integer> other = branches.get(1).test();
        TestSubscriber<Integer> first = branches.get(0).test(5);
        await().until(() -> first.values().size() == 5);
        first.cancel();
        other.awaitDone(5, TimeUnit.SECONDS).assertError(ContextDoneException.class);
        await().untilTrue(sourceCancelled);
    }

    @Test
    void workerPoolRunsEveryJobAndCompletesAfterTheLastResult() {
        TestSubscriber<Integer> ts = Flowable.range(0, 500)
                .compose(ChanFlowable.workerPool(4, 8, (ctx, x) -> x * 2)).test();
        ts.awaitDone(10, TimeUnit.SECONDS).assertComplete();
        assertThat(ts.values()).containsExactlyInAnyOrderElementsOf(range(0, 500).stream().map(x -> x * 2).toList());
    }

    @Test
    void workerPoolDeliversEveryResultBeforeTheUpstreamsVeryError() {
        IllegalStateException cause = new IllegalStateException("disk");
        Flowable.range(0, 20).concatWith(Flowable.error(cause))
                .compose(ChanFlowable.workerPool(3, 4, (ctx, x) -> x))
                .test().awaitDone(5, TimeUnit.SECONDS).assertValueCount(20).assertError(e -> e == cause);
    }

    @Test
    void workerPoolAJobThatThrowsEndsTheStreamWithItAndCancelsTheSource() {
        IllegalArgumentException boom = new IllegalArgumentException("job 7");
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        Flowable.range(0, 1_000_000).doOnCancel(() -> sourceCancelled.set(true))
                .compose(ChanFlowable.<Integer, Integer>workerPool(2, 2, (ctx, x) -> {
                    if (x == 7) {
                        throw boom;
                    }
                    return x;
                }))
                .test().awaitDone(5, TimeUnit.SECONDS).assertError(e -> e == boom);
        await().untilTrue(sourceCancelled);
    }

    @Test
    void workerPoolDisposeStopsThePoolAndCancelsTheSource() {
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        TestSubscriber<Integer> ts = Flowable.range(0, 1_000_000).doOnCancel(() -> sourceCancelled.set(true))
                .compose(ChanFlowable.workerPool(4, 4, (ctx, x) -> x)).test(10);
        await().until(() -> ts.values().size() == 10);
        ts.cancel();
        await().untilTrue(sourceCancelled);
    }
}
