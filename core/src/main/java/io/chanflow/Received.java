package io.chanflow;

/**
 * The result of Go's comma-ok receive, {@code v, ok := <-ch}.
 *
 * <p>{@code ok} is {@code true} when a value was received, and {@code false} when the channel is closed
 * and drained; then {@code value} is {@code null} (Java's stand-in for Go's zero value).
 *
 * @param value the value received, or {@code null} when {@code ok} is false
 * @param ok whether a value was received
 * @param <E> the element type
 */
public record Received<E>(E value, boolean ok) {
    private static final Received<?> CLOSED = new Received<>(null, false);

    /**
     * The result of a receive on a closed, drained channel.
     *
     * @param <E> the element type
     * @return {@code (null, false)}
     */
    @SuppressWarnings("unchecked")
    public static <E> Received<E> closed() {
        return (Received<E>) CLOSED;
    }
}
