package io.chanflow;

/**
 * A select case body that takes no value and returns nothing (statement form), for example
 * {@code timeout(d, () -> log("slow"))}. It may block and so may throw {@link InterruptedException}.
 */
@FunctionalInterface
public interface Body {
    /**
     * Runs the case body.
     *
     * @throws InterruptedException if the body blocks and is interrupted
     */
    void run() throws InterruptedException;
}
