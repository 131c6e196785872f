package io.chanflow.pattern;

/**
 * How a {@link Producer} sends: each call blocks until the value is taken by the output channel, or fails
 * because the producer's context is done.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Emitter<T> {
    /**
     * Sends {@code value} on the producer's output channel.
     *
     * @param value the value, not null
     * @throws io.chanflow.context.ContextDoneException if the context is done before the value is sent; the
     *     value was not sent. Let it propagate: the producer then ends and its output is closed with it.
     * @throws InterruptedException if interrupted before the value was sent
     */
    void emit(T value) throws InterruptedException;
}
