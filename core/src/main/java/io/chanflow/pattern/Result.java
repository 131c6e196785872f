package io.chanflow.pattern;

import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The outcome of one task: Go's {@code (value, err)} pair. Exactly one of {@link #value()} and
 * {@link #error()} is meaningful: {@link #ok()} says which.
 *
 * @param value the task's value when it succeeded (may be {@code null} if the task returned null)
 * @param error what the task threw, or {@code null} when it succeeded
 * @param <T> the value type
 */
public record Result<T>(T value, Throwable error) {

    /**
     * A success.
     *
     * @param value the value
     * @param <T> the value type
     * @return the result
     */
    public static <T> Result<T> success(T value) {
        return new Result<>(value, null);
    }

    /**
     * A failure.
     *
     * @param error what was thrown, not null
     * @param <T> the value type
     * @return the result
     */
    public static <T> Result<T> failure(Throwable error) {
        return new Result<>(null, Objects.requireNonNull(error, "error"));
    }

    /**
     * Whether the task succeeded.
     *
     * @return {@code error() == null}
     */
    public boolean ok() {
        return error == null;
    }

    /**
     * The value, or the failure as an exception.
     *
     * @return the value
     * @throws ExecutionException with {@link #error()} as the cause, if the task failed
     */
    public T get() throws ExecutionException {
        if (error != null) {
            throw new ExecutionException(error);
        }
        return value;
    }
}
