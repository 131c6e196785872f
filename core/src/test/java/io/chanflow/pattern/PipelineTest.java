package io.chanflow.pattern;

import static io.chanflow.pattern.Patterns.assertCancelHalfWayEndsEveryGoroutine;
import static io.chanflow.pattern.Patterns.closeCause;
import static io.chanflow.pattern.Patterns.drain;
import static io.chanflow.pattern.Patterns.drainInto;
import static io.chanflow.pattern.Patterns.endless;
import static io.chanflow.pattern.Patterns.failingAfter;
import static io.chanflow.pattern.Patterns.jitter;
import static io.chanflow.pattern.Patterns.seededInts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.LeakCheckExtension;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generators, stages (unordered and ordered), take and or-done. */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class PipelineTest {

    // Generators -------------------------------------------------------------------------------------

    @Test
    void generateSendsTheValuesInOrderThenClosesNormally() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            assertThat(drain(Pipeline.generate(ctx, 3, 1, 2))).containsExactly(3, 1, 2);
            assertThat(drain(Pipeline.generate(ctx, List.of("a", "b")))).containsExactly("a", "b");
            assertThat(drain(Pipeline.<Integer>generate(ctx))).isEmpty();
        }
    }

    @Test
    void repeatFnEndsWhenTheFunctionReturnsNull() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Iterator<Integer> it = List.of(5, 6, 7).iterator();
            assertThat(drain(Pipeline.repeatFn(ctx, () -> it.hasNext() ? it.next() : null)))
                    .containsExactly(5, 6, 7);
        }
    }

    @Test
    void aGeneratorThatThrowsClosesItsOutputWithWhatItThrew() throws Exception {
        IOException boom = new IOException("disk");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<Integer> got = new ArrayList<>();
            assertThat(drainInto(failingAfter(ctx, List.of(1, 2), boom), got)).isSameAs(boom);
            assertThat(got).containsExactly(1, 2);

            Iterable<Integer> broken = () -> {
                throw new UncheckedIOException(new IOException("iterator"));
            };
            assertThat(closeCause(Pipeline.generate(ctx, broken))).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void generatorsStopWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(Patterns::endless);
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.generate(ctx, () -> IntStream.iterate(0, i -> i + 1).iterator()));
    }

    // take -------------------------------------------------------------------------------------------

    @Test
    void takeForwardsTheFirstNValuesThenClosesNormally() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            assertThat(drain(Pipeline.take(ctx, endless(ctx), 4))).containsExactly(1, 2, 3, 4);
            assertThat(drain(Pipeline.take(ctx, Pipeline.generate(ctx, 1, 2), 5))).containsExactly(1, 2);
            assertThat(drain(Pipeline.take(ctx, endless(ctx), 0))).isEmpty();
        }   // the endless sources are released here, by the cancel; the leak check proves it
    }

    @Test
    void takeStopsWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.take(ctx, endless(ctx), 1_000_000));
    }

    // stage ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 7})
    void stageGivesTheSequentialResultAsAMultisetForSeededInputs(int workers) throws Exception {
        List<Integer> input = seededInts(42 + workers, 500, 1_000);
        Function<Integer, Integer> f = x -> x % 10 == 0 ? null : x * x + 1;   // null: filtered out
        List<Integer> expected = input.stream().map(f).filter(java.util.Objects::nonNull).toList();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<Integer> got = drain(Pipeline.stage(ctx, Pipeline.generate(ctx, input), workers, x -> {
                jitter(x % 100);   // uneven work, so results finish out of order
                return f.apply(x);
            }));
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void stageRunsItsWorkersConcurrently() throws Exception {
        int workers = 4;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Channel<Object> allIn = Channel.make();   // each worker waits here until all four are inside fn
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<Integer> out = Pipeline.stage(ctx, Pipeline.generate(ctx, 1, 2, 3, 4), workers, x -> {
                int now = running.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                if (now == workers) {
                    allIn.close();
                }
                allIn.receiveOk();
                running.decrementAndGet();
                return x;
            });
            assertThat(drain(out)).containsExactlyInAnyOrder(1, 2, 3, 4);
            assertThat(most.get()).isEqualTo(workers);
        }
    }

    @Test
    void aStageWhoseFunctionThrowsClosesItsOutputWithThatException() throws Exception {
        IllegalStateException boom = new IllegalStateException("13 is unlucky");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<Integer> out = Pipeline.stage(ctx, endless(ctx), 3, x -> {
                if (x == 13) {
                    throw boom;
                }
                return x;
            });
            assertThat(closeCause(out)).isSameAs(boom);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stage", "orderedStage", "take", "orDone"})
    void anUpstreamCausePassesThroughAfterTheValuesBeforeIt(String pattern) throws Exception {
        IOException boom = new IOException("upstream");
        Function<Context, Function<ReceiveChannel<Integer>, ReceiveChannel<Integer>>> patterns = ctx -> in ->
                switch (pattern) {
                    case "stage" -> Pipeline.stage(ctx, in, 3, x -> x);
                    case "orderedStage" -> Pipeline.orderedStage(ctx, in, 3, x -> x);
                    case "take" -> Pipeline.take(ctx, in, 100);
                    default -> Pipeline.orDone(ctx, in);
                };
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<Integer> got = new ArrayList<>();
            Throwable cause = drainInto(patterns.apply(ctx).apply(failingAfter(ctx, List.of(1, 2, 3), boom)), got);
            assertThat(cause).isSameAs(boom);
            assertThat(got).containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    @Test
    void stagesStopWhenCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.stage(ctx, endless(ctx), 4, x -> x));
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.orderedStage(ctx, endless(ctx), 4, x -> x));
        // a consumer that never reads: workers are blocked sending, and still end
        assertCancelHalfWayEndsEveryGoroutine(ctx -> {
            Pipeline.stage(ctx, endless(ctx), 4, x -> x);
            return endless(ctx);
        });
    }

    // orderedStage -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 3, 8})
    void orderedStageGivesExactlyTheSequentialResultForSeededInputs(int workers) throws Exception {
        List<Integer> input = seededInts(7 * workers, 500, 1_000);
        Function<Integer, String> f = x -> x % 7 == 0 ? null : "v" + x;
        List<String> expected = input.stream().map(f).filter(java.util.Objects::nonNull).toList();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<String> out = Pipeline.orderedStage(ctx, Pipeline.generate(ctx, input), workers, x -> {
                jitter(x);   // uneven work, so results finish out of order
                return f.apply(x);
            });
            assertThat(drain(out)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void orderedStageHoldsALateResultBackButKeepsComputing() throws Exception {
        Channel<Object> releaseFirst = Channel.make();
        AtomicInteger started = new AtomicInteger();
        Channel<Object> othersDone = Channel.make();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<Integer> out = Pipeline.orderedStage(ctx, Pipeline.generate(ctx, 0, 1, 2), 3, x -> {
                if (x == 0) {
                    releaseFirst.receiveOk();   // the first value is slow
                } else if (started.incrementAndGet() == 2) {
                    othersDone.close();
                }
                return x;
            });
            othersDone.receiveOk();             // 1 and 2 were computed while 0 was not
            assertThat(out.tryReceive()).isNull();
            releaseFirst.close();
            assertThat(drain(out)).containsExactly(0, 1, 2);
        }
    }

    @Test
    void anOrderedStageWhoseFunctionThrowsClosesItsOutputWithThatException() throws Exception {
        IOException boom = new IOException("bad value");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<Integer> got = new ArrayList<>();
            Throwable cause = drainInto(Pipeline.orderedStage(ctx, endless(ctx), 4, x -> {
                if (x == 50) {
                    throw boom;
                }
                return x;
            }), got);
            assertThat(cause).isSameAs(boom);
            // what was sent is a prefix of the ordered results: 1, 2, ..., k with k < 50
            assertThat(got).isEqualTo(IntStream.rangeClosed(1, got.size()).boxed().toList()).hasSizeLessThan(50);
        }
    }

    // orDone -----------------------------------------------------------------------------------------

    @Test
    void orDoneForwardsEverythingUntilTheInputCloses() throws Exception {
        List<Integer> input = seededInts(3, 500, 100);
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            assertThat(drain(Pipeline.orDone(ctx, Pipeline.generate(ctx, input)))).isEqualTo(input);
        }
    }

    @Test
    void orDoneEndsARangeOverAChannelThatNeverClosesWhenTheContextIsDone() throws Exception {
        Channel<Integer> never = Channel.make();   // nobody sends, nobody closes
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<Integer> out = Pipeline.orDone(ctx, never);
            io.chanflow.Go.afterFunc(java.time.Duration.ofMillis(20), ctx::cancel);
            assertThatThrownBy(() -> {
                for (int v : out) {
                    throw new AssertionError("unexpected " + v);
                }
            }).isInstanceOf(ChannelClosedException.class).hasCauseInstanceOf(ContextDoneException.class);
        }
        assertCancelHalfWayEndsEveryGoroutine(ctx -> Pipeline.orDone(ctx, endless(ctx)));
    }

    // A whole pipeline -------------------------------------------------------------------------------

    @Test
    void aFailureInTheMiddleOfAPipelineReachesItsEndUnchanged() throws Exception {
        ArithmeticException boom = new ArithmeticException("/ by zero");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ReceiveChannel<Integer> src = Pipeline.generate(ctx, seededInts(9, 300, 50));
            ReceiveChannel<Integer> a = Pipeline.stage(ctx, src, 3, x -> x + 1);
            ReceiveChannel<Integer> b = Pipeline.orderedStage(ctx, a, 2, x -> {
                if (x == 25) {
                    throw boom;
                }
                return x;
            });
            ReceiveChannel<List<Integer>> c = Pipeline.batch(ctx, b, 10, java.time.Duration.ofSeconds(30));
            ReceiveChannel<List<Integer>> d = Pipeline.orDone(ctx, Pipeline.fanIn(ctx, c));
            assertThat(closeCause(d)).isSameAs(boom);
        }
    }
}
