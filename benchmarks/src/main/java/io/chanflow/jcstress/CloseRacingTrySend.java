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
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Rule: a value offered to a channel being closed is delivered iff {@code trySend} returned true. Two
 * actors only, so it runs at full speed on two cores.
 *
 * <p>r1: trySend(1) on an empty buffered(1) channel: 1 true, 0 false, -1 ChannelClosedException.
 * r2: values the arbiter drains after close.
 */
@JCStressTest
@Description("close() racing trySend(1) on an empty buffered(1) channel")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "sent before close; the value is still delivered after close")
@Outcome(id = "-1, 0", expect = ACCEPTABLE, desc = "closed first: trySend throws ChannelClosedException, nothing delivered")
@Outcome(expect = FORBIDDEN, desc = "value lost or invented, or trySend false on a channel with room")
@State
public class CloseRacingTrySend {
    private final Channel<Integer> ch = Channel.make(1);

    @Actor
    public void sender(II_Result r) {
        try {
            r.r1 = ch.trySend(1) ? 1 : 0;
        } catch (ChannelClosedException e) {
            r.r1 = -1;
        }
    }

    @Actor
    public void closer() {
        ch.close();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = Drain.closed(ch, 1);
    }
}
