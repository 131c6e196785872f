package io.chanflow.reactive;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;

/**
 * The channel code of a pipeline stage: what each worker of {@link ReactiveChannels#stage} runs. A worker
 * receives from {@code in} until it is closed and sends what it makes to {@code out}; it must not close
 * {@code out} (the stage closes it once every worker has returned).
 *
 * <pre>{@code
 * StageBody<String, Integer> lengths = (in, out) -> { for (String s : in) out.send(s.length()); };
 * }</pre>
 *
 * <p><b>Cancellation.</b> When the stage is cancelled, {@code in} is closed with a cause (so a
 * {@code for (T x : in)} loop throws {@link io.chanflow.ChannelClosedException}) and {@code out} is closed
 * (so a pending or later {@code send} throws it too): a body that only blocks on {@code in} and {@code out}
 * ends by itself. Exceptions a body throws after the stage was cancelled are ignored.
 *
 * @param <T> the input type
 * @param <R> the output type
 */
@FunctionalInterface
public interface StageBody<T, R> {
    /**
     * Runs one worker.
     *
     * @param in the stage's input, shared by all workers (each value goes to one of them)
     * @param out the stage's output, shared by all workers
     * @throws Exception anything; the first exception of a running stage fails it: {@code out} is closed with
     *     it, upstream is cancelled and downstream gets {@code onError} with it. A
     *     {@link io.chanflow.ChannelClosedException} with a cause (a loop over a channel closed with an
     *     error) fails the stage with that cause.
     */
    void run(ReceiveChannel<T> in, SendChannel<R> out) throws Exception;
}
