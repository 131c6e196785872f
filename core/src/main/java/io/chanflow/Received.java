package io.chanflow;

/**
 * The result of Go's comma-ok receive, {@code v, ok := <-ch}.
 *
 * <p>{@code ok} is {@code true} when a value was received, and {@code false} when the channel is closed
 * and drained; then {@code value} is {@code null} (Java's stand-in for Go's zero value) and {@code cause} is
 * the cause the channel was closed with, if any (beyond Go: how a reactive {@code onError} or a failed
 * pipeline stage reports itself to a comma-ok receiver).
 *
 * @param value the value received, or {@code null} when {@code ok} is false
 * @param ok whether a value was received
 * @param cause when {@code ok} is false, the close cause or {@code null}; always {@code null} when ok
 * @param <E> the element type
 */
public record Received<E>(E value, boolean ok, Throwable cause) {
    private static final Received<?> CLOSED = new Received<>(null, false, null);

    /**
     * A result without a cause.
     *
     * @param value the value received, or {@code null} when {@code ok} is false
     * @param ok whether a value was received
     */
    public Received(E value, boolean ok) {
        this(value, ok, null);
    }

    /**
     * The result of a receive on a channel that was closed without a cause and is drained.
     *
     * @param <E> the element type
     * @return {@code (null, false, null)}
     */
    @SuppressWarnings("unchecked")
    public static <E> Received<E> closed() {
        return (Received<E>) CLOSED;
    }

    /**
     * The result of a receive on a closed, drained channel.
     *
     * @param cause the close cause, or {@code null}
     * @param <E> the element type
     * @return {@code (null, false, cause)}
     */
    public static <E> Received<E> closed(Throwable cause) {
        return cause == null ? closed() : new Received<>(null, false, cause);
    }
}
