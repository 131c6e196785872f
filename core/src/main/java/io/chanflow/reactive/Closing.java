package io.chanflow.reactive;

import io.chanflow.ChannelClosedException;
import io.chanflow.SendChannel;

/** Closing rules the bridges share: closing a channel someone else may close first. */
final class Closing {
    private Closing() {}

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
