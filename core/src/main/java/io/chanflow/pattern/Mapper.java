package io.chanflow.pattern;

/**
 * The function of a pipeline stage: turns one input value into one output value, or into none.
 *
 * @param <T> the input type
 * @param <R> the output type
 */
@FunctionalInterface
public interface Mapper<T, R> {
    /**
     * Maps one value. It runs on one of the stage's goroutines and may block.
     *
     * @param value the input value
     * @return the output value, or {@code null} to send nothing for this input (so a stage can filter)
     * @throws Exception anything: the stage stops and closes its output with it as the cause
     */
    R apply(T value) throws Exception;
}
