package io.chanflow.reactive;

/**
 * The per-value function of an ordered stage ({@link ReactiveChannels#stageOrdered}): one output for each
 * input. It runs on a goroutine, so it may block.
 *
 * @param <T> the input type
 * @param <R> the output type, not null
 */
@FunctionalInterface
public interface StageMapper<T, R> {
    /**
     * Maps one value.
     *
     * @param value the input value
     * @return the output value, not null
     * @throws Exception anything; it fails the stage (downstream gets {@code onError} with it)
     */
    R apply(T value) throws Exception;
}
