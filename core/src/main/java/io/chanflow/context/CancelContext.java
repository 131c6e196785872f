package io.chanflow.context;

/**
 * A context with its own cancel function: Go's {@code ctx, cancel := context.WithCancel(parent)} in one
 * object. {@link #close()} cancels, so try-with-resources is Go's {@code defer cancel()}.
 *
 * <p>Cancelling is idempotent (only the first call has an effect), never blocks, and is safe from any
 * thread. Hand callees the {@link Context} type when they should not cancel.
 */
public interface CancelContext extends Context, AutoCloseable {

    /** Cancels with {@link ContextError#CANCELED} and no cause. Later calls do nothing. */
    void cancel();

    /**
     * Cancels with {@link ContextError#CANCELED} and a cause that {@link #cause()} reports (Go's
     * {@code CancelCauseFunc}). Later calls do nothing.
     *
     * @param cause the cause, not null
     */
    void cancel(Throwable cause);

    /** Same as {@link #cancel()}: releases the context's resources (its deadline timer, its parent link). */
    @Override
    void close();
}
