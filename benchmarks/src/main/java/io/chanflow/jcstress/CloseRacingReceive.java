package io.chanflow.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.chanflow.Channel;
import io.chanflow.Received;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Rule: a blocking {@code receiveOk()} on an unbuffered channel, racing a {@code trySend(1)} followed by
 * {@code close()}, gets the value iff {@code trySend} returned true, and otherwise wakes with ok=false. The
 * close always comes, so the receive always ends.
 *
 * <p>r1: trySend: 1 true, 0 false. r2: receiveOk: 1 the value, 0 closed (ok=false).
 */
@JCStressTest
@Description("receiveOk() on an unbuffered channel racing trySend(1) then close()")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the receiver was waiting: hand-off, then close")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the receiver was not waiting yet: trySend false, the receiver sees closed")
@Outcome(expect = FORBIDDEN, desc = "value lost (trySend true, receiver sees closed) or invented (received although trySend false)")
@State
public class CloseRacingReceive {
    private final Channel<Integer> ch = Channel.make();

    @Actor
    public void receiver(II_Result r) {
        try {
            Received<Integer> got = ch.receiveOk();
            r.r2 = got.ok() ? (got.value() == 1 ? 1 : -100) : 0;
        } catch (InterruptedException e) {
            r.r2 = -2;
        }
    }

    @Actor
    public void senderThenCloser(II_Result r) {
        r.r1 = ch.trySend(1) ? 1 : 0;
        ch.close();
    }
}
