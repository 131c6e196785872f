package io.chanflow;

/**
 * A select case body that takes no value and produces the select's result (expression form), for example
 * {@code out.onSend(v, () -> "sent")}. It may block and so may throw {@link InterruptedException}, which
 * {@link Go#select} passes on.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface Action<R> {
    /**
     * Runs the case body.
     *
     * @return the value the select returns
     * @throws InterruptedException if the body blocks and is interrupted
     */
    R call() throws InterruptedException;
}
