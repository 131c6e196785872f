package io.chanflow.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.chanflow.Channel;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Rule (ADR 0003, whole or nothing): an interrupt racing a hand-off to a blocked {@code receive()} on an
 * unbuffered channel either loses (the receiver gets the value, its interrupt status set again) or wins
 * (the receiver throws InterruptedException and nothing was transferred): the value is received exactly
 * iff {@code trySend} returned true.
 *
 * <p>The receiver is a virtual thread started by the state's constructor, so it is usually parked in
 * {@code receive()} by the time the actors run; one actor hands off with {@code trySend(1)}, the other
 * interrupts the receiver, which always ends it (the arbiter joins it).
 *
 * <p>r1: trySend: 1 true, 0 false. r2: receive: 1 the value, -1 InterruptedException. r3: 1 if the
 * receiver's interrupt status was set when it returned the value or it threw, else 0.
 */
@JCStressTest
@Description("Thread.interrupt() racing trySend(1) to a receiver blocked in receive() on an unbuffered channel")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "hand-off won: the value was received, the interrupt kept as status")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "hand-off won and receive returned before the interrupt arrived")
@Outcome(id = "0, -1, 1", expect = ACCEPTABLE, desc = "interrupt won (or the receiver was not waiting yet): trySend false, receive threw, nothing transferred")
@Outcome(id = "0, -1, 0", expect = ACCEPTABLE, desc = "interrupt won: trySend false, receive threw InterruptedException (status cleared, as the JDK does)")
@Outcome(expect = FORBIDDEN, desc = "value lost (trySend true but receive threw) or invented (received although trySend false)")
@State
public class InterruptRacingHandOff {
    private final Channel<Integer> ch = Channel.make();
    private volatile int received;
    private volatile int status;
    private final Thread receiver;

    public InterruptRacingHandOff() {
        receiver = Thread.ofVirtual().start(() -> {
            try {
                Integer v = ch.receive();
                received = v == 1 ? 1 : -100;
            } catch (InterruptedException e) {
                received = -1;
            }
            status = Thread.currentThread().isInterrupted() ? 1 : 0;
        });
    }

    @Actor
    public void sender(III_Result r) {
        r.r1 = ch.trySend(1) ? 1 : 0;
    }

    @Actor
    public void interrupter() {
        receiver.interrupt();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        try {
            receiver.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r2 = -50;
            return;
        }
        r.r2 = received;
        r.r3 = status;
    }
}
