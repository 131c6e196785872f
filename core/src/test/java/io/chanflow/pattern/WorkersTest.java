package io.chanflow.pattern;

import static io.chanflow.pattern.Patterns.GRACE;
import static io.chanflow.pattern.Patterns.assertCancelHalfWayEndsEveryGoroutine;
import static io.chanflow.pattern.Patterns.closeCause;
import static io.chanflow.pattern.Patterns.drain;
import static io.chanflow.pattern.Patterns.failureOf;
import static io.chanflow.pattern.Patterns.jitter;
import static io.chanflow.pattern.Patterns.seededInts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker pool and bounded parallelism. */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class WorkersTest {

    // WorkerPool -------------------------------------------------------------------------------------

    @Test
    void aWorkerPoolGivesTheSequentialResultsAsAMultisetForSeededJobs() throws Exception {
        List<Integer> jobs = seededInts(404, 1_000, 10_000);
        List<Long> expected = jobs.stream().map(j -> (long) j * j).toList();
        try (CancelContext ctx = Context.withCancel(Context.background());
                WorkerPool<Integer, Long> pool = WorkerPool.start(ctx, 4, 16, (c, j) -> {
                    jitter(j % 50);
                    return (long) j * j;
                })) {
            CompletableFuture<Throwable> submitter = failureOf(() -> {
                for (int j : jobs) {
                    pool.submit(ctx, j);
                }
                pool.shutdown();
            });
            assertThat(drain(pool.results())).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(submitter.get()).isNull();
        }
    }

    @Test
    void shutdownFinishesQueuedJobsAndRejectsNewOnes() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            WorkerPool<Integer, Integer> pool = WorkerPool.start(ctx, 2, 10, (c, j) -> j + 1);
            for (int j = 0; j < 10; j++) {
                assertThat(pool.trySubmit(j)).isTrue();   // queued: nobody reads results yet
            }
            pool.shutdown();
            assertThatThrownBy(() -> pool.submit(ctx, 99)).isInstanceOf(RejectedExecutionException.class);
            assertThatThrownBy(() -> pool.trySubmit(99)).isInstanceOf(RejectedExecutionException.class);
            assertThat(drain(pool.results())).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
    }

    @Test
    void shutdownNowCancelsRunningJobsAndClosesResultsWithTheCancellation() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            AtomicInteger started = new AtomicInteger();
            Channel<Object> bothRunning = Channel.make();
            WorkerPool<Integer, Integer> pool = WorkerPool.start(ctx, 2, 100, (c, j) -> {
                if (started.incrementAndGet() == 2) {
                    bothRunning.close();
                }
                c.done().await();   // a long job that watches the pool's context
                return j;
            });
            for (int j = 0; j < 50; j++) {
                pool.submit(ctx, j);
            }
            bothRunning.receiveOk();
            pool.shutdownNow();
            assertThat(closeCause(pool.results())).isInstanceOf(ContextDoneException.class);
            assertThat(started.get()).isEqualTo(2);   // the 48 queued jobs were dropped
            assertThatThrownBy(() -> pool.submit(ctx, 1)).isInstanceOf(RejectedExecutionException.class);
        }
        Goroutines.verifyNoLeaks(before, GRACE);
    }

    @Test
    void aFailedJobStopsThePoolAndClosesResultsWithItsException() throws Exception {
        IOException boom = new IOException("job 7");
        try (CancelContext ctx = Context.withCancel(Context.background());
                WorkerPool<Integer, Integer> pool = WorkerPool.start(ctx, 3, 0, (c, j) -> {
                    if (j == 7) {
                        throw boom;
                    }
                    return j;
                })) {
            CompletableFuture<Throwable> submitter = failureOf(() -> {
                for (int j = 0; ; j++) {
                    pool.submit(ctx, j);
                }
            });
            assertThat(closeCause(pool.results())).isSameAs(boom);
            // the submitter, blocked on a pool that no longer takes jobs, is rejected when the pool stops
            assertThat(submitter.get()).isInstanceOf(RejectedExecutionException.class);
        }
    }

    @Test
    void aWorkerPoolStopsWhenItsContextIsCancelledHalfWay() throws Exception {
        assertCancelHalfWayEndsEveryGoroutine(ctx -> {
            WorkerPool<Integer, Integer> pool = WorkerPool.start(ctx, 3, 5, (c, j) -> j);
            Patterns.failureOf(() -> {
                for (int j = 0; ; j++) {
                    pool.submit(ctx, j);
                }
            });
            return pool.results();
        });
    }

    // BoundedParallel --------------------------------------------------------------------------------

    @Test
    void boundedParallelGivesTheSequentialResultsInTaskOrderForSeededTasks() throws Exception {
        List<Integer> inputs = seededInts(5150, 300, 1_000);
        List<Callable<Integer>> tasks = new ArrayList<>();
        List<Result<Integer>> expected = new ArrayList<>();
        IOException odd = new IOException("odd");
        for (int x : inputs) {
            tasks.add(() -> {
                jitter(x);
                if (x % 2 == 1) {
                    throw odd;
                }
                return x / 2;
            });
            expected.add(x % 2 == 1 ? Result.failure(odd) : Result.success(x / 2));
        }
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            assertThat(BoundedParallel.run(ctx, 8, tasks)).isEqualTo(expected);
        }
    }

    @Test
    void boundedParallelNeverRunsMoreThanTheLimitAndReachesIt() throws Exception {
        int limit = 3;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Channel<Object> full = Channel.make();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int v = i;
            tasks.add(() -> {
                int now = running.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                if (now == limit && v < limit) {
                    full.close();   // the first `limit` tasks wait until they all run at once
                }
                if (v < limit) {
                    full.receiveOk();
                }
                jitter(100);
                running.decrementAndGet();
                return v;
            });
        }
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            List<Result<Integer>> results = BoundedParallel.run(ctx, limit, tasks);
            assertThat(results).extracting(Result::value).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 30).boxed().toList());
        }
        assertThat(most.get()).isEqualTo(limit);
    }

    @Test
    void boundedParallelStartsNoTaskOnceItsContextIsDone() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        CancelContext ctx = Context.withCancel(Context.background());
        List<Callable<String>> tasks = new ArrayList<>();
        tasks.add(() -> {
            ctx.cancel();   // the first task cancels: the two after it must not start
            return "first";
        });
        AtomicInteger laterStarted = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            tasks.add(() -> {
                laterStarted.incrementAndGet();
                return "later";
            });
        }
        List<Result<String>> results = BoundedParallel.run(ctx, 1, tasks);
        assertThat(results.get(0)).isEqualTo(Result.success("first"));
        assertThat(results.subList(1, 3)).allSatisfy(r -> assertThat(r.error()).isInstanceOf(ContextDoneException.class));
        assertThat(laterStarted.get()).isZero();
        assertThatThrownBy(() -> results.get(1).get()).hasCauseInstanceOf(ContextDoneException.class);
        Goroutines.verifyNoLeaks(before, GRACE);
    }
}
