package io.chanflow.pattern;

import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.sync.WaitGroup;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded parallelism (the Go blog's {@code MD5All} with a fixed number of digesters): runs many tasks, at
 * most {@code limit} at a time, and collects every outcome.
 */
public final class BoundedParallel {
    private BoundedParallel() {}

    /**
     * Runs {@code tasks} on at most {@code limit} goroutines at once and waits for all of them.
     *
     * <ul>
     *   <li>Returns one {@link Result} per task, in the order of {@code tasks} (not of completion). A task that
     *       throws gives a failure; the others still run.</li>
     *   <li>Tasks start in list order; at no moment do more than {@code limit} run.</li>
     *   <li>When {@code ctx} is done, no further task starts: each unstarted one gets a failure with the
     *       {@link io.chanflow.context.ContextDoneException}. Running tasks are not interrupted; they should
     *       watch {@code ctx} themselves. The call still returns only once every started task has ended.</li>
     *   <li>If the calling thread is interrupted while it waits, no further task starts and the
     *       {@link InterruptedException} is thrown at once; running tasks go on until they end.</li>
     *   <li>Everything a task did happens-before this method returns.</li>
     * </ul>
     *
     * @param ctx stops starting tasks when done
     * @param limit the most tasks running at once, at least 1
     * @param tasks the tasks
     * @param <T> the value type
     * @return the outcomes, in task order
     * @throws InterruptedException if interrupted while waiting
     */
    public static <T> List<Result<T>> run(Context ctx, int limit, List<? extends Callable<? extends T>> tasks)
            throws InterruptedException {
        Objects.requireNonNull(ctx, "ctx");
        Pipeline.requirePositive(limit, "limit");
        List<? extends Callable<? extends T>> todo = List.copyOf(tasks);
        @SuppressWarnings("unchecked")
        Result<T>[] results = new Result[todo.size()];
        AtomicInteger next = new AtomicInteger();
        WaitGroup wg = new WaitGroup();
        try (CancelContext stop = Context.withCancel(ctx)) {
            for (int w = 0; w < Math.min(limit, todo.size()); w++) {
                wg.go(() -> {
                    // Each of the `limit` goroutines takes the next unstarted task until none is left.
                    for (int i; (i = next.getAndIncrement()) < todo.size(); ) {
                        results[i] = stop.err() != null
                                ? Result.failure(Stage.doneException(stop))
                                : call(todo.get(i));
                    }
                });
            }
            try {
                wg.await();
            } catch (InterruptedException e) {
                stop.cancel(e);
                throw e;
            }
        }
        return List.of(results);
    }

    private static <T> Result<T> call(Callable<? extends T> task) {
        try {
            return Result.success(task.call());
        } catch (Throwable e) {
            return Result.failure(e);
        }
    }
}
