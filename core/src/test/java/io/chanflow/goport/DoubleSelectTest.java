package io.chanflow.goport;

import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;

import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/doubleselect.go}, written to flush out a bug where two cases of one select
 * could both run: a sender sends a counter through a four-way select, four muxes forward the four channels
 * into one, and the receiver checks that no value arrives twice. The port also checks that every value
 * arrives. Scaled to 20,000 iterations (Go: 100,000; see {@link GoScale}).
 */
@Timeout(60)
class DoubleSelectTest {
    private static final int ITERATIONS = GoScale.pick(20_000, 100_000);

    private static void sender(int n, SendChannel<Integer> c1, SendChannel<Integer> c2, SendChannel<Integer> c3,
            SendChannel<Integer> c4) throws InterruptedException {
        try {
            for (int i = 0; i < n; i++) {
                select(c1.onSend(i, () -> { }), c2.onSend(i, () -> { }), c3.onSend(i, () -> { }),
                        c4.onSend(i, () -> { }));
            }
        } finally {
            c4.close();
            c3.close();
            c2.close();
            c1.close();
        }
    }

    /** Forwards {@code in} to {@code out}, then reports on {@code done}. */
    private static void mux(SendChannel<Integer> out, ReceiveChannel<Integer> in, SendChannel<Boolean> done)
            throws InterruptedException {
        for (Integer v : in) {
            out.send(v);
        }
        done.send(true);
    }

    @Test
    @Timeout(60)
    void fourWaySelectSendsEachValueOnExactlyOneChannel() throws Exception {
        Channel<Integer> c1 = Channel.make();
        Channel<Integer> c2 = Channel.make();
        Channel<Integer> c3 = Channel.make();
        Channel<Integer> c4 = Channel.make();
        Channel<Integer> cmux = Channel.make();
        Channel<Boolean> done = Channel.make();
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            g.go(() -> sender(ITERATIONS, c1.sendOnly(), c2.sendOnly(), c3.sendOnly(), c4.sendOnly()));
            g.go(() -> mux(cmux, c1.receiveOnly(), done));
            g.go(() -> mux(cmux, c2.receiveOnly(), done));
            g.go(() -> mux(cmux, c3.receiveOnly(), done));
            g.go(() -> mux(cmux, c4.receiveOnly(), done));
            g.go(() -> {
                for (int i = 0; i < 4; i++) {
                    done.receive();
                }
                cmux.close();
            });

            BitSet seen = new BitSet(ITERATIONS);
            for (Integer v : cmux) {
                assertThat(seen.get(v)).as("got duplicate value: %d", v).isFalse();
                seen.set(v);
            }
            assertThat(seen.cardinality()).as("values received").isEqualTo(ITERATIONS);
            g.joinAll();
        }
    }
}
