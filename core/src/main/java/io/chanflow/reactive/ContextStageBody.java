package io.chanflow.reactive;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.Context;

/**
 * The channel code of a pipeline stage that also takes the stage's {@link Context}, Go's
 * {@code func worker(ctx context.Context, in <-chan T, out chan<- R)}: what each worker of
 * {@link ReactiveChannels#stage(org.reactivestreams.Publisher, Context, int, int, ContextStageBody)} runs.
 *
 * <pre>{@code
 * ContextStageBody<Url, Page> fetch = (ctx, in, out) -> {
 *     String user = ctx.value(USER);                 // request-scoped values of the parent context
 *     for (Url u : in) ctx.send(out, http.get(u, user));
 * };
 * }</pre>
 *
 * <p><b>The context.</b> One per subscription, a child of the parent given to the stage: it carries the
 * parent's values and deadline, and it is cancelled when downstream cancels, when the stage fails, when
 * every worker has returned, or when the parent is done. Blocking calls that watch it ({@code ctx.send},
 * {@code select} on {@code ctx.done()}, calls into code that takes a context) therefore end with the stage.
 * Otherwise the contract of {@link StageBody} holds word for word.
 *
 * @param <T> the input type
 * @param <R> the output type
 */
@FunctionalInterface
public interface ContextStageBody<T, R> {
    /**
     * Runs one worker.
     *
     * @param ctx the stage's context for this subscription
     * @param in the stage's input, shared by all workers (each value goes to one of them)
     * @param out the stage's output, shared by all workers; the stage closes it
     * @throws Exception anything: as for {@link StageBody#run}
     */
    void run(Context ctx, ReceiveChannel<T> in, SendChannel<R> out) throws Exception;
}
