package io.chanflow.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.chanflow.Channel;
import io.chanflow.Go;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Rule: a select with a default racing a {@code trySend} either receives the value or takes its default
 * and leaves the value in the channel: never lost, never duplicated. The channel is an empty buffered(1).
 *
 * <p>r1: trySend(1): 1 true, 0 false. r2: the select: 1 received the value, 0 default. r3: how many 1s are
 * left in the channel.
 */
@JCStressTest
@Description("select(ch.onReceive, default) racing trySend(1) on an empty buffered(1) channel")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "trySend first: the select received the value, nothing left")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "select first: it took its default, the value is still in the channel")
@Outcome(expect = FORBIDDEN, desc = "value lost or duplicated, or trySend false on an empty buffered channel")
@State
public class SelectDefaultRacingTrySend {
    private final Channel<Integer> ch = Channel.make(1);

    @Actor
    public void sender(III_Result r) {
        r.r1 = ch.trySend(1) ? 1 : 0;
    }

    @Actor
    public void selector(III_Result r) {
        try {
            r.r2 = Go.<Integer>select(ch.onReceive(v -> v), Go.otherwise(() -> 0));
        } catch (InterruptedException e) {
            r.r2 = -2;
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Drain.open(ch, 1);
    }
}
