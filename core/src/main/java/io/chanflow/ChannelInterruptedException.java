package io.chanflow;

/**
 * Thrown by the few channel operations that cannot declare {@link InterruptedException}
 * ({@link ReceiveChannel#iterator() iteration} and {@link ReceiveChannel#stream() streams}) when the
 * receiving thread is interrupted while it waits. The receive had no effect (no value was taken), the
 * thread's interrupt status is set again, and the original {@link InterruptedException} is the cause.
 */
public final class ChannelInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChannelInterruptedException(InterruptedException cause) {
        super("interrupted while receiving", cause);
    }
}
