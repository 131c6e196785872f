package io.chanflow.pattern;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * Thrown by {@link CircuitBreaker#call} instead of making the call, because the breaker is open (or
 * half-open with every trial call already taken).
 */
public final class CircuitOpenException extends RejectedExecutionException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    CircuitOpenException(CircuitBreaker.State state, Duration retryAfter) {
        super("circuit breaker is " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + "; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /**
     * How long until the breaker lets a trial call through (zero when it is half-open and only busy).
     *
     * @return the remaining cool-down
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
