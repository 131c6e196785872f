package io.chanflow.context;

import java.util.concurrent.CancellationException;

/**
 * Thrown by a context-aware blocking operation that gave up because its context is done. It carries the
 * context's {@link #error() err} (cancelled or deadline exceeded) and, as {@link #getCause()}, the cause the
 * context was cancelled with, if one was given.
 *
 * <p>It is a {@link CancellationException}, so code that treats cancellation generically handles it.
 */
public final class ContextDoneException extends CancellationException {
    private static final long serialVersionUID = 1L;

    private final ContextError error;

    /**
     * Creates the exception.
     *
     * @param error why the context is done
     * @param cause the cancel cause, or {@code null}
     */
    public ContextDoneException(ContextError error, Throwable cause) {
        super(error.message());
        this.error = error;
        if (cause != null) {
            initCause(cause);
        }
    }

    /**
     * Why the context is done.
     *
     * @return the context's err
     */
    public ContextError error() {
        return error;
    }
}
