package io.chanflow.context;

/**
 * Why a context is done: Go's {@code context.Canceled} and {@code context.DeadlineExceeded}, the only two
 * values {@link Context#err()} returns once the context is done.
 */
public enum ContextError {
    /** The context was cancelled (Go's {@code context.Canceled}). */
    CANCELED("context canceled"),
    /** The context's deadline passed (Go's {@code context.DeadlineExceeded}). */
    DEADLINE_EXCEEDED("context deadline exceeded");

    private final String message;

    ContextError(String message) {
        this.message = message;
    }

    /**
     * Go's error text.
     *
     * @return {@code "context canceled"} or {@code "context deadline exceeded"}
     */
    public String message() {
        return message;
    }
}
