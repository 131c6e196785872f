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
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Rule: {@code ctx.send(ch, v)} racing {@code cancel()} either sends or throws ContextDoneException, never
 * both, and the value is in the channel iff it was sent. Here the buffered(1) channel has room, so the send
 * never waits (if the context is already done, the select picks at random among its ready cases: both
 * outcomes are fine).
 *
 * <p>r1: ctx.send: 1 returned, -1 ContextDoneException. r2: how many 1s the channel holds afterwards.
 */
@JCStressTest
@Description("cancel() racing ctx.send(ch, 1) on a buffered(1) channel with room")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "sent: the value is in the channel")
@Outcome(id = "-1, 0", expect = ACCEPTABLE, desc = "cancelled first: ContextDoneException, nothing in the channel")
@Outcome(expect = FORBIDDEN, desc = "sent and lost, or thrown and still sent")
@State
public class ContextCancelRacingSend {
    private final Channel<Integer> ch = Channel.make(1);
    private final CancelContext ctx = Context.withCancel(Context.background());

    @Actor
    public void sender(II_Result r) {
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
    public void canceller() {
        ctx.cancel();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = Drain.open(ch, 1);
    }
}
