package io.chanflow.jcstress;

import io.chanflow.ChannelClosedException;
import io.chanflow.ReceiveChannel;

/** Non-blocking inspection of a channel's final state, for the tests' arbiters. */
final class Drain {
    private Drain() {
    }

    /**
     * Takes what a closed channel still holds.
     *
     * @return how many times {@code value} was found before the channel reported closed and drained, or
     *     {@code -100} if it held something else, {@code -200} if it reported nothing ready although closed
     */
    static int closed(ReceiveChannel<Integer> ch, int value) {
        int n = 0;
        while (true) {
            Integer v;
            try {
                v = ch.tryReceive();
            } catch (ChannelClosedException e) {
                return n;
            }
            if (v == null) {
                return -200;
            }
            if (v != value) {
                return -100;
            }
            n++;
        }
    }

    /**
     * Takes what an open channel holds.
     *
     * @return how many times {@code value} was found before nothing was ready, or {@code -100} if it held
     *     something else, {@code -300} if it reported closed
     */
    static int open(ReceiveChannel<Integer> ch, int value) {
        int n = 0;
        while (true) {
            Integer v;
            try {
                v = ch.tryReceive();
            } catch (ChannelClosedException e) {
                return -300;
            }
            if (v == null) {
                return n;
            }
            if (v != value) {
                return -100;
            }
            n++;
        }
    }
}
