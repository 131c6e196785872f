package io.chanflow.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.chanflow.Channel;
import io.chanflow.Received;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Rule: two {@code trySend}s racing for one receiver blocked in {@code receiveOk()} on an unbuffered
 * channel: at most one succeeds, and the receiver gets exactly that value. The arbiter closes the
 * channel, so a receiver that neither reached (it was not waiting yet) ends with ok=false.
 *
 * <p>r1, r2: trySend(1), trySend(2): 1 true, 0 false. r3: the value received, 0 for closed.
 */
@JCStressTest
@Description("two trySends racing for one receiver waiting on an unbuffered channel")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the first sender won the receiver")
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "the second sender won the receiver")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "the receiver was not waiting yet: both failed, it saw the close")
@Outcome(expect = FORBIDDEN, desc = "both sent to one receiver, a value lost, or one received that was not sent")
@State
public class TwoTrySendsOneWaitingReceiver {
    private final Channel<Integer> ch = Channel.make();
    private volatile int received = -100;
    private final Thread receiver;

    public TwoTrySendsOneWaitingReceiver() {
        receiver = Thread.ofVirtual().start(() -> {
            try {
                Received<Integer> got = ch.receiveOk();
                received = got.ok() ? got.value() : 0;
            } catch (InterruptedException e) {
                received = -1;
            }
        });
    }

    @Actor
    public void sender1(III_Result r) {
        r.r1 = ch.trySend(1) ? 1 : 0;
    }

    @Actor
    public void sender2(III_Result r) {
        r.r2 = ch.trySend(2) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(III_Result r) {
        ch.close();
        try {
            receiver.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r3 = -50;
            return;
        }
        r.r3 = received;
    }
}
