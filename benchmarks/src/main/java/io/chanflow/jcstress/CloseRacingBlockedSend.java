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
 * Rule: a blocking {@code send} racing {@code close} either completes (the value is delivered) or throws
 * {@link ChannelClosedException} (the value is not delivered), never both and never neither. The buffered(1)
 * channel starts full (0), so {@code send(1)} waits; the other actor makes room with {@code tryReceive()}
 * and at once closes, so the sender races close for that room, and always ends.
 *
 * <p>r1: send(1): 1 returned, -1 ChannelClosedException. r2: tryReceive: 0 the initial value (always: the
 * buffer is never empty when it runs). r3: how many 1s the arbiter drains after close.
 */
@JCStressTest
@Description("a send(1) blocked on a full buffered(1) channel racing tryReceive() then close()")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the sender took the room before close: send completed, its value is delivered after close")
@Outcome(id = "-1, 0, 0", expect = ACCEPTABLE, desc = "close came before the send could complete: send threw ChannelClosedException, its value is not delivered")
@Outcome(expect = FORBIDDEN, desc = "value lost (send returned, nothing delivered), invented (send threw, value delivered), or the buffered 0 missing")
@State
public class CloseRacingBlockedSend {
    private final Channel<Integer> ch = Channel.make(1);

    public CloseRacingBlockedSend() {
        ch.trySend(0);
    }

    @Actor
    public void sender(III_Result r) {
        try {
            ch.send(1);
            r.r1 = 1;
        } catch (ChannelClosedException e) {
            r.r1 = -1;
        } catch (InterruptedException e) {
            r.r1 = -2;
        }
    }

    @Actor
    public void receiverThenCloser(III_Result r) {
        try {
            Integer v = ch.tryReceive();
            r.r2 = v == null ? -3 : v;
        } catch (ChannelClosedException e) {
            r.r2 = -1;
        }
        ch.close();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Drain.closed(ch, 1);
    }
}
