package io.chanflow.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Rule: close never discards buffered values, and {@code tryReceive} reports "closed" only once the channel
 * is closed and drained. A buffered(2) channel holds one 1; a receiver calls {@code tryReceive()} twice
 * while another thread closes.
 *
 * <p>r1: first tryReceive: 1 the value, 0 nothing ready, -1 ChannelClosedException. r2: second tryReceive,
 * same encoding. r3: how many 1s the arbiter drains after close.
 */
@JCStressTest
@Description("close() racing two tryReceive() on a buffered(2) channel holding one value")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "value taken; the second tryReceive came before close: nothing ready")
@Outcome(id = "1, -1, 0", expect = ACCEPTABLE, desc = "value taken; the second tryReceive came after close: closed and drained")
@Outcome(expect = FORBIDDEN, desc = "buffered value lost or seen twice, or closed reported while a value was buffered")
@State
public class CloseRacingTryReceive {
    private final Channel<Integer> ch = Channel.make(2);

    public CloseRacingTryReceive() {
        ch.trySend(1);
    }

    private int tryReceive() {
        try {
            Integer v = ch.tryReceive();
            return v == null ? 0 : v == 1 ? 1 : -100;
        } catch (ChannelClosedException e) {
            return -1;
        }
    }

    @Actor
    public void receiver(III_Result r) {
        r.r1 = tryReceive();
        r.r2 = tryReceive();
    }

    @Actor
    public void closer() {
        ch.close();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Drain.closed(ch, 1);
    }
}
