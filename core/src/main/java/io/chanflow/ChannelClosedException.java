package io.chanflow;

/**
 * Thrown when an operation meets a closed channel where Go would panic or where Java has no zero value
 * to return.
 *
 * <ul>
 *   <li>{@code "send on closed channel"}: a send (blocking, non-blocking or a select case) on a closed
 *       channel, or a blocked sender woken by {@code close};</li>
 *   <li>{@code "close of closed channel"}: a second {@code close};</li>
 *   <li>{@code "receive from closed channel"}: a plain receive (not the comma-ok form) on a channel that is
 *       closed and drained. Go would return the zero value; Java has none.</li>
 * </ul>
 *
 * <p>If the channel was closed with a cause ({@link SendChannel#close(Throwable)}), that cause is
 * {@link #getCause()}.
 */
public final class ChannelClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message Go's wording of the failure
     * @param cause the cause the channel was closed with, or {@code null}
     */
    public ChannelClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
