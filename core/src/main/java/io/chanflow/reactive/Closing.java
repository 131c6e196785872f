package io.chanflow.reactive;

import io.chanflow.ChannelClosedException;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;

/** Closing rules the bridges share: reading a close cause, closing a channel someone else may close first. */
final class Closing {
    private Closing() {}

    /**
     * The cause a closed, drained channel was closed with, or {@code null} for a plain close. Call only once a
     * receive reported the channel closed: closed and drained is final, so this takes no value.
     */
    static Throwable causeOf(ReceiveChannel<?> ch) {
        try {
            ch.tryReceive();
        } catch (ChannelClosedException e) {
            return e.getCause();
        }
        throw new IllegalStateException("channel reported closed, then gave a value: " + ch);
    }

    /**
     * Closes {@code ch} (with {@code cause} unless it is null) unless it is closed already.
     *
     * @return whether this call closed it
     */
    static boolean closeQuietly(SendChannel<?> ch, Throwable cause) {
        try {
            if (cause == null) {
                ch.close();
            } else {
                ch.close(cause);
            }
            return true;
        } catch (ChannelClosedException alreadyClosed) {
            return false;
        }
    }
}
