package io.chanflow.pattern;

/**
 * The body of a generator goroutine ({@link Pipeline#produce}): emits values, and returns when there are no
 * more.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Producer<T> {
    /**
     * Produces values.
     *
     * @param out where to send them
     * @throws Exception anything: the output is closed with it as the cause
     */
    void run(Emitter<T> out) throws Exception;
}
