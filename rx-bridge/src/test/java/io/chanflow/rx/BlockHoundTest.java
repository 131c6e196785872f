package io.chanflow.rx;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.Go;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * No bridge blocks an RxJava computation thread: BlockHound treats {@code Schedulers.computation()}'s
 * threads as non-blocking and fails any blocking call made there, which RxJava then signals as
 * {@code onError(BlockingOperationError)}.
 *
 * <p>No allowance for the channel engine: its non-blocking operations ({@code trySend}, {@code close},
 * {@code tryReceive}) take the channel's lock by a plain test-and-set spin, with no {@code Thread.onSpinWait}
 * and no park, so BlockHound sees nothing blocking in them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockHoundTest {
    @BeforeAll
    static void installBlockHound() {
        BlockHound.install(builder -> builder
                .nonBlockingThreadPredicate(p -> p.or(t -> t.getName().startsWith("RxComputationThreadPool")))
                // RxJava ships no BlockHound integration: its workers' own idle wait and task hand-off
                // (what Reactor's integration allows for its schedulers) are not ours to judge
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "getTask")
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "processWorkerExit")
                .allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "offer"));
    }

    @Test
    void blockHoundIsInstalledAndCatchesBlockingOnComputationThreads() {
        Flowable.fromCallable(() -> {
            Thread.sleep(1);
            return "";
        }).subscribeOn(Schedulers.computation())
                .test().awaitDone(5, TimeUnit.SECONDS).assertError(BlockingOperationError.class);
    }

    @Test
    void aChannelFlowableRequestedAndCancelledFromComputationThreadsNeverBlocksThem() {
        Channel<Integer> ch = Channel.make(16);
        CancelContext producer = Context.withCancel(Context.background());
        Go.go(() -> {
            try {
                for (int i = 0; ; i++) {
                    producer.send(ch, i);
                }
            } catch (ContextDoneException stopped) {
                // take(2_000) cancelled the flowable, which cancelled the producer
            }
        });
        ChanFlowable.from(ch, producer)
                .subscribeOn(Schedulers.computation())
                .observeOn(Schedulers.computation(), false, 4)
                .take(2_000)
                .test().awaitDone(10, TimeUnit.SECONDS).assertNoErrors().assertValueCount(2_000);
    }

    @Test
    void aFlowablePouredIntoAChannelFromComputationThreadsNeverBlocksThem() {
        ReceiveChannel<Integer> ch = ChanFlowable.toChannel(
                Flowable.range(0, 20_000).observeOn(Schedulers.computation(), false, 8), 16);
        long count = 0;
        for (Integer ignored : ch) {
            count++;
        }
        assertThat(count).isEqualTo(20_000);
    }

    @Test
    void aStageBetweenComputationThreadsNeverBlocksThem() {
        List<Integer> got = Flowable.range(0, 10_000)
                .observeOn(Schedulers.computation(), false, 8)
                .compose(ChanFlowable.stage(4, (ReceiveChannel<Integer> in, SendChannel<Integer> out) -> {
                    for (Integer x : in) {
                        out.send(x + 1);
                    }
                }))
                .observeOn(Schedulers.computation(), false, 8)
                .toList()
                .blockingGet();
        assertThat(got).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 10_000).boxed().toList());
    }

    @Test
    void teeAndBridgeOnComputationThreadsNeverBlockThem() {
        List<Flowable<Integer>> two = ChanFlowable.tee(Flowable.range(0, 5_000).observeOn(Schedulers.computation()));
        long total = Flowable.merge(two.get(0).observeOn(Schedulers.computation()),
                        two.get(1).observeOn(Schedulers.computation()))
                .count().blockingGet();
        assertThat(total).isEqualTo(10_000);

        Flowable<Flowable<Integer>> pages = Flowable.range(0, 50)
                .map(p -> Flowable.range(p * 100, 100).observeOn(Schedulers.computation()));
        List<Integer> flat = ChanFlowable.bridge(pages.observeOn(Schedulers.computation()))
                .observeOn(Schedulers.computation())
                .toList().blockingGet();
        assertThat(flat).isEqualTo(IntStream.range(0, 5_000).boxed().toList());
    }
}
