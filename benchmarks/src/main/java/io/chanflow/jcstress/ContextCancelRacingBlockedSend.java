package io.chanflow.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.chanflow.Channel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Rule: a {@code ctx.send(ch, v)} waiting on a full channel, racing {@code cancel()} and a receiver making
 * room, either sends or throws ContextDoneException, never both; the value is in the channel iff it was sent.
 * The buffered(1) channel starts full (0); the other actor takes the 0 with {@code tryReceive()} and at once
 * cancels, so the sender races the cancel for that room, and always ends.
 *
 * <p>r1: ctx.send(ch, 1): 1 returned, -1 ContextDoneException. r2: tryReceive: 0 the initial value (always).
 * r3: how many 1s the channel holds afterwards.
 */
@JCStressTest
@Description("ctx.send(ch, 1) blocked on a full buffered(1) channel racing tryReceive() then cancel()")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the sender took the room before the cancel: sent, the value is in the channel")
@Outcome(id = "-1, 0, 0", expect = ACCEPTABLE, desc = "the cancel came first (or the context was already done and the select picked its done case): ContextDoneException, nothing in the channel")
@Outcome(expect = FORBIDDEN, desc = "sent and lost, thrown and still sent, or the initial 0 missing")
@State
public class ContextCancelRacingBlockedSend {
    private final Channel<Integer> ch = Channel.make(1);
    private final CancelContext ctx = Context.withCancel(Context.background());

    public ContextCancelRacingBlockedSend() {
        ch.trySend(0);
    }

    @Actor
    public void sender(III_Result r) {
        try {
            ctx.send(ch, 1);
            r.r1 = 1;
        } catch (ContextDoneException e) {
            r.r1 = -1;
        } catch (InterruptedException e) {
            r.r1 = -2;
        }
    }

    @Actor
    public void receiverThenCanceller(III_Result r) {
        Integer v = ch.tryReceive();
        r.r2 = v == null ? -3 : v;
        ctx.cancel();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Drain.open(ch, 1);
    }
}
