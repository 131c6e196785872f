package io.chanflow.pattern;

import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Go's worker pool: a fixed number of worker goroutines take jobs from a queue (a buffered channel) and send
 * their results on one channel, in the order they finish.
 *
 * <pre>{@code
 * try (WorkerPool<Url, Page> pool = WorkerPool.start(ctx, 8, 100, (c, url) -> fetch(c, url))) {
 *     go(() -> { for (Url u : urls) pool.submit(ctx, u); pool.shutdown(); });
 *     for (Page p : pool.results()) index(p);     // ends after the last result
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #submit} queues a job, blocking while the queue is full; after a shutdown it is rejected.</li>
 *   <li>{@link #shutdown()} is graceful: no new jobs, but every queued and running job is finished and its
 *       result sent; then {@link #results()} closes normally.</li>
 *   <li>{@link #shutdownNow()} cancels: queued jobs are dropped, the context running jobs were given is
 *       cancelled, and {@link #results()} closes with a {@link io.chanflow.context.ContextDoneException}
 *       once every worker has returned. So does cancelling the parent context.</li>
 *   <li>A job that throws stops the pool as {@link Pipeline#stage} stops (the other workers' contexts are
 *       cancelled, their results dropped), {@link #results()} closes with that exception, and the pool is
 *       shut down: submits waiting or to come are rejected. To keep going past
 *       failed jobs, return a {@link Result} per job instead of throwing.</li>
 *   <li>Results must be received: a worker waits until its result is taken. {@link #close()} is
 *       {@link #shutdown()}; results still closes only when it has been drained.</li>
 *   <li>Thread-safe. A job submitted happens-before the worker runs it; a result's computation
 *       happens-before its receive.</li>
 * </ul>
 *
 * @param <J> the job type
 * @param <R> the result type
 */
public final class WorkerPool<J, R> implements AutoCloseable {
    private final CancelContext ctx;
    private final Channel<J> jobs;
    private final ReceiveChannel<R> results;
    private final AtomicBoolean shut = new AtomicBoolean();

    private WorkerPool(Context parent, int workers, int queue, Worker<? super J, ? extends R> worker) {
        CancelContext poolCtx = Context.withCancel(parent);
        this.ctx = poolCtx; // before any goroutine starts: the closer may call shutdownNow() at once
        Channel<R> out = Channel.make();
        Stage st = Stage.in(poolCtx);
        this.jobs = Channel.make(queue);
        Pipeline.startWorkers(st, jobs, workers, job -> worker.work(st.context(), job), out)
                .whenDone(cause -> {
                    Stage.close(out, cause);
                    shutdownNow(); // a pool that stopped (a failed job) rejects waiting and later submits
                });
        this.results = out.receiveOnly();
    }

    /**
     * Starts {@code workers} goroutines behind a queue of {@code queue} jobs.
     *
     * @param ctx the parent context: when done, the pool stops as with {@link #shutdownNow()}
     * @param workers the number of workers, at least 1
     * @param queue the job queue's capacity, 0 for a hand-off (submit waits for a free worker)
     * @param worker the job function
     * @param <J> the job type
     * @param <R> the result type
     * @return the running pool
     */
    public static <J, R> WorkerPool<J, R> start(
            Context ctx, int workers, int queue, Worker<? super J, ? extends R> worker) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(worker, "worker");
        Pipeline.requirePositive(workers, "workers");
        if (queue < 0) {
            throw new IllegalArgumentException("queue < 0: " + queue);
        }
        return new WorkerPool<>(ctx, workers, queue, worker);
    }

    /**
     * Queues a job, waiting while the queue is full.
     *
     * @param ctx the caller's context: gives up when it, or the pool, is done
     * @param job the job, not null
     * @throws RejectedExecutionException if the pool is shut down, or stopped because a job failed (also
     *     while this call waits)
     * @throws io.chanflow.context.ContextDoneException if {@code ctx} or the pool's parent context is done
     *     first
     * @throws InterruptedException if interrupted first; the job was not queued
     */
    public void submit(Context ctx, J job) throws InterruptedException {
        Objects.requireNonNull(job, "job");
        if (shut.get()) {
            throw rejected(null);
        }
        boolean sent;
        try {
            sent = select(jobs.onSend(job, () -> true), ctx.done().onDone(() -> false),
                    this.ctx.done().onDone(() -> false));
        } catch (ChannelClosedException e) {
            throw rejected(e);
        }
        if (!sent) {
            ctx.throwIfDone();
            if (shut.get()) {
                throw rejected(null);
            }
            this.ctx.throwIfDone();
        }
    }

    /**
     * Queues a job if there is room now.
     *
     * @param job the job, not null
     * @return whether it was queued
     * @throws RejectedExecutionException if the pool is shut down
     */
    public boolean trySubmit(J job) {
        try {
            return jobs.trySend(job);
        } catch (ChannelClosedException e) {
            throw rejected(e);
        }
    }

    /**
     * The results, in the order the jobs finish: closed normally after a {@link #shutdown()} once every job
     * is done, else with the cause that stopped the pool.
     *
     * @return the receive-only results channel
     */
    public ReceiveChannel<R> results() {
        return results;
    }

    /** Stops taking jobs; queued and running jobs finish and send their results. Idempotent, never blocks. */
    public void shutdown() {
        if (shut.compareAndSet(false, true)) {
            jobs.close();
        }
    }

    /**
     * Stops taking jobs, drops the queued ones and cancels the context of the running ones. Idempotent,
     * never blocks; {@link #results()} closes once every worker has returned.
     */
    public void shutdownNow() {
        shutdown();
        ctx.cancel();
    }

    /** Same as {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    private static RejectedExecutionException rejected(ChannelClosedException e) {
        return new RejectedExecutionException("worker pool is shut down", e);
    }
}
