package io.chanflow.pattern;

import io.chanflow.context.Context;

/**
 * The job function of a {@link WorkerPool}: handles one job under the pool's context, which is done when the
 * pool is {@linkplain WorkerPool#shutdownNow() shut down now}, when its parent context is done, or when
 * another job failed. A long job should watch it.
 *
 * @param <J> the job type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Worker<J, R> {
    /**
     * Handles one job.
     *
     * @param ctx the pool's context
     * @param job the job
     * @return the result, or {@code null} to send no result for this job
     * @throws Exception anything: the pool stops and closes its results with it as the cause
     */
    R work(Context ctx, J job) throws Exception;
}
