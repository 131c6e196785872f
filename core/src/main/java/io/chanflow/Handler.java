package io.chanflow;

/**
 * A receive case body that maps the received value to the select's result (expression form), for example
 * {@code jobs.onReceive(job -> "job " + job)}. It may block and so may throw {@link InterruptedException}.
 *
 * @param <T> the received type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Handler<T, R> {
    /**
     * Runs the case body.
     *
     * @param value the value received
     * @return the value the select returns
     * @throws InterruptedException if the body blocks and is interrupted
     */
    R apply(T value) throws InterruptedException;
}
