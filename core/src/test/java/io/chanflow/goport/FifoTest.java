package io.chanflow.goport;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/fifo.go}: a buffered channel is a FIFO, and so is an unbuffered one read
 * by a daisy chain of goroutines that take turns. Go's N = 10.
 */
@Timeout(60)
class FifoTest {
    private static final int N = 10;

    @Test
    void bufferedChannelIsFifo() throws Exception {
        Channel<Integer> ch = Channel.make(N);
        for (int i = 0; i < N; i++) {
            ch.send(i);
        }
        for (int i = 0; i < N; i++) {
            assertThat(ch.receive()).as("bad receive").isEqualTo(i);
        }
    }

    /** Waits for its turn on {@code in}, checks the next value of {@code ch}, then passes the turn on. */
    private static void chain(ReceiveChannel<Integer> ch, int val, ReceiveChannel<Integer> in,
            SendChannel<Integer> out) throws InterruptedException {
        in.receive();
        int v = ch.receive();
        if (v != val) {
            throw new AssertionError("link " + val + " received " + v);
        }
        out.send(1);
    }

    @Test
    @Timeout(30)
    void unbufferedChannelReadByDaisyChainIsFifo() throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> ch = Channel.make();
            Channel<Integer> in = Channel.make();
            Channel<Integer> start = in;
            for (int i = 0; i < N; i++) {
                Channel<Integer> out = Channel.make();
                Channel<Integer> link = in;
                int val = i;
                g.go(() -> chain(ch, val, link, out));
                in = out;
            }
            start.send(0);
            for (int i = 0; i < N; i++) {
                ch.send(i);
            }
            in.receive();
            g.joinAll();
        }
    }
}
