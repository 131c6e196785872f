package io.chanflow.pattern;

import static io.chanflow.Go.go;
import static io.chanflow.pattern.Patterns.assertCancelHalfWayEndsEveryGoroutine;
import static io.chanflow.pattern.Patterns.closeCause;
import static io.chanflow.pattern.Patterns.drain;
import static io.chanflow.pattern.Patterns.drainInto;
import static io.chanflow.pattern.Patterns.endless;
import static io.chanflow.pattern.Patterns.failingAfter;
import static io.chanflow.pattern.Patterns.next;
import static io.chanflow.pattern.Patterns.seededInts;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fan-in, fan-out, tee, bridge and the or-channel. */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class FanTest {

    /** A value tagged with the input it came from and its position there. */
    record Tagged(int input, int index, int value) {}

    // fanIn ------------------------------------------------------------------------------------------

    @Test
    void fanInDeliversEveryValueOfEveryInputKeepingEachInputsOrder() throws Exception {
        Random r = new Random(2024);
        List<List<Tagged>> inputs = new ArrayList<>();
        List<Tagged> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Tagged> one = new ArrayList<>();
            for (int k = 0, n = r.nextInt(300); k < n; k++) {
                one.add(new Tagged(i, k, r.nextInt()));
            }
            inputs.add(one);
            all.addAll(one);
        }
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<ReceiveChannel<Tagged>> chans = new ArrayList<>();
            for (List<Tagged> one : inputs) {
                chans.add(Pipeline.generate(ctx, one));
            }
            List<Tagged> got = drain(Pipeline.fanIn(ctx, chans));
            assertThat(got).containsExactlyInAnyOrderElementsOf(all);
            for (int i = 0; i < inputs.size(); i++) {
                int input = i;
                assertThat(got.stream().filter(t -> t.input() == input).toList()).isEqualTo(inputs.get(i));
            }
        }
    }

    @Test
    void fanInOfNoInputsClosesAtOnce() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            assertThat(drain(Pipeline.<Integer>fanIn(ctx))).isEmpty();
        }
    }

    @Test
    void fanInEndsWithTheCauseOfAFailedInput() throws Exception {
        IOException boom = new IOException("one input failed");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<Integer> out = Pipeline.fanIn(ctx, endless(ctx), failingAfter(ctx, List.of(-1), boom));
            assertThat(closeCause(out)).isSameAs(boom);
        }
    }

    @Test
    void fanInStopsWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.fanIn(ctx, endless(ctx), endless(ctx), endless(ctx)));
    }

    // fanOut -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void fanOutGivesEachValueToExactlyOneOutput(Distribution how) throws Exception {
        List<Integer> input = seededInts(11, 1_000, 1_000_000);
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<ReceiveChannel<Integer>> outs = Pipeline.fanOut(ctx, Pipeline.generate(ctx, input), 4, how);
            List<List<Integer>> got = drainConcurrently(outs);
            List<Integer> union = new ArrayList<>();
            got.forEach(union::addAll);
            assertThat(union).containsExactlyInAnyOrderElementsOf(input);
            if (how == Distribution.ROUND_ROBIN) {
                for (int i = 0; i < 4; i++) {
                    List<Integer> share = new ArrayList<>();
                    for (int k = i; k < input.size(); k += 4) {
                        share.add(input.get(k));
                    }
                    assertThat(got.get(i)).isEqualTo(share);
                }
            }
        }
    }

    @Test
    void firstFreeFanOutIsNotStalledByAConsumerThatNeverReads() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<ReceiveChannel<Integer>> outs =
                    Pipeline.fanOut(ctx, Pipeline.generate(ctx, seededInts(5, 100, 10)), 2, Distribution.FIRST_FREE);
            assertThat(drain(outs.get(0))).hasSize(100);   // outs.get(1) is never read
        }
    }

    @Test
    void fanOutPassesTheInputsCauseToEveryOutput() throws Exception {
        IOException boom = new IOException("upstream");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<ReceiveChannel<Integer>> outs =
                    Pipeline.fanOut(ctx, failingAfter(ctx, List.of(1, 2, 3), boom), 2, Distribution.FIRST_FREE);
            CompletableFuture<Throwable> second = new CompletableFuture<>();
            go(() -> second.complete(closeCause(outs.get(1))));
            assertThat(closeCause(outs.get(0))).isSameAs(boom);
            assertThat(second.get()).isSameAs(boom);
        }
    }

    @Test
    void fanOutStopsWhenCancelledHalfWay() throws Exception {
        for (Distribution how : Distribution.values()) {
            // fanIn reads every output: round-robin would wait for an output nobody reads
            assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.fanIn(ctx, Pipeline.fanOut(ctx, endless(ctx), 3, how)));
        }
    }

    // tee --------------------------------------------------------------------------------------------

    @Test
    void teeGivesEveryValueToEveryOutputInOrder() throws Exception {
        List<Integer> input = seededInts(99, 1_000, 50);
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<List<Integer>> got = drainConcurrently(Pipeline.tee(ctx, Pipeline.generate(ctx, input), 3));
            assertThat(got).allSatisfy(one -> assertThat(one).isEqualTo(input));
        }
    }

    @Test
    void teeIsPacedByTheSlowerConsumer() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<ReceiveChannel<Integer>> outs = Pipeline.tee(ctx, endless(ctx), 2);
            assertThat(next(outs.get(0))).isEqualTo(1);
            // The fast consumer cannot get value 2 until the slow one has taken value 1.
            assertThat(outs.get(0).tryReceive(java.time.Duration.ofMillis(50))).isNull();
            assertThat(next(outs.get(1))).isEqualTo(1);
            assertThat(next(outs.get(0))).isEqualTo(2);
        }
    }

    @Test
    void teePassesTheInputsCauseToEveryOutput() throws Exception {
        IOException boom = new IOException("upstream");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<ReceiveChannel<Integer>> outs = Pipeline.tee(ctx, failingAfter(ctx, List.of(1, 2), boom), 2);
            CompletableFuture<Throwable> second = new CompletableFuture<>();
            List<Integer> got = Collections.synchronizedList(new ArrayList<>());
            go(() -> second.complete(drainInto(outs.get(1), got)));
            assertThat(closeCause(outs.get(0))).isSameAs(boom);
            assertThat(second.get()).isSameAs(boom);
            assertThat(got).containsExactly(1, 2);
        }
    }

    @Test
    void teeStopsWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(ctx -> {
            List<ReceiveChannel<Integer>> outs = Pipeline.tee(ctx, endless(ctx), 2);
            return Pipeline.fanIn(ctx, outs);   // reads both, so the tee can progress
        });
    }

    // bridge -----------------------------------------------------------------------------------------

    @Test
    void bridgeFlattensAChannelOfChannelsInOrder() throws Exception {
        Random r = new Random(77);
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> flat = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<Integer> chunk = seededInts(r.nextLong(), r.nextInt(20), 1000);
            chunks.add(chunk);
            flat.addAll(chunk);
        }
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<ReceiveChannel<Integer>> chans =
                    Pipeline.produce(ctx, out -> {
                        for (List<Integer> chunk : chunks) {
                            out.emit(Pipeline.generate(ctx, chunk));
                        }
                    });
            assertThat(drain(Pipeline.bridge(ctx, chans))).isEqualTo(flat);
        }
    }

    @Test
    void bridgeEndsWithTheCauseOfAFailedInnerChannel() throws Exception {
        IOException boom = new IOException("inner");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<ReceiveChannel<Integer>> chans = Pipeline.generate(ctx,
                    Pipeline.generate(ctx, 1), failingAfter(ctx, List.of(2), boom), Pipeline.generate(ctx, 3));
            List<Integer> got = new ArrayList<>();
            assertThat(drainInto(Pipeline.bridge(ctx, chans), got)).isSameAs(boom);
            assertThat(got).containsExactly(1, 2);
        }
    }

    @Test
    void bridgePassesTheOuterChannelsCauseOnAfterItsChannels() throws Exception {
        IOException boom = new IOException("outer");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<ReceiveChannel<Integer>> chans =
                    failingAfter(ctx, List.of(Pipeline.generate(ctx, 1, 2), Pipeline.generate(ctx, 3)), boom);
            List<Integer> got = new ArrayList<>();
            assertThat(drainInto(Pipeline.bridge(ctx, chans), got)).isSameAs(boom);
            assertThat(got).containsExactly(1, 2, 3);
        }
    }

    @Test
    void bridgeStopsWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.bridge(ctx,
                Pipeline.repeatFn(ctx, () -> Pipeline.take(ctx, endless(ctx), 2))));
    }

    // or ---------------------------------------------------------------------------------------------

    @Test
    void orIsDoneAsSoonAsAnyOfItsInputsIs() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<DoneChannel> inputs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                inputs.add(DoneChannel.make());
            }
            Done any = Pipeline.or(ctx, inputs.stream().map(DoneChannel::done).toArray(Done[]::new));
            assertThat(any.await(java.time.Duration.ofMillis(20))).isFalse();
            inputs.get(new Random(3).nextInt(10)).close();
            assertThat(any.await(Patterns.PATIENCE)).isTrue();
            Goroutines.verifyNoLeaks(before, Patterns.GRACE);   // its goroutine ended with it
        }
    }

    @Test
    void orIsDoneWhenItsContextIsAndLeavesNoGoroutine() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        CancelContext ctx = Context.withCancel(Context.background());
        Done any = Pipeline.or(ctx, DoneChannel.make().done(), DoneChannel.make().done());
        ctx.cancel();
        assertThat(any.await(Patterns.PATIENCE)).isTrue();
        Goroutines.verifyNoLeaks(before, Patterns.GRACE);
    }

    // ------------------------------------------------------------------------------------------------

    /** Drains every channel on its own goroutine (so none paces the others) and returns what each got. */
    static <T> List<List<T>> drainConcurrently(List<ReceiveChannel<T>> outs) throws Exception {
        List<CompletableFuture<List<T>>> futures = new ArrayList<>();
        for (ReceiveChannel<T> out : outs) {
            CompletableFuture<List<T>> f = new CompletableFuture<>();
            futures.add(f);
            go(() -> {
                try {
                    f.complete(drain(out));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
        }
        List<List<T>> got = new ArrayList<>();
        for (CompletableFuture<List<T>> f : futures) {
            got.add(f.get());
        }
        return got;
    }
}
