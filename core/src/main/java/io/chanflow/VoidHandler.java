package io.chanflow;

/**
 * A receive case body that uses the received value and returns nothing (statement form), for example
 * {@code jobs.onReceiveDo(job -> out.send(work(job)))}. It may block and so may throw
 * {@link InterruptedException}.
 *
 * @param <T> the received type
 */
@FunctionalInterface
public interface VoidHandler<T> {
    /**
     * Runs the case body.
     *
     * @param value the value received
     * @throws InterruptedException if the body blocks and is interrupted
     */
    void accept(T value) throws InterruptedException;
}
