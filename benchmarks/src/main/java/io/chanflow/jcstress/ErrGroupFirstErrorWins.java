package io.chanflow.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.chanflow.Channel;
import io.chanflow.context.Context;
import io.chanflow.sync.ErrGroup;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Rule: when two ErrGroup tasks fail concurrently, {@code await()} returns one of the two exceptions and the
 * group context's cause is that same exception. Each task waits for its gate channel to close, then throws;
 * the two actors close the gates at the same time.
 *
 * <p>r1: what await() returned: 1 task A's exception, 2 task B's, 0 null. r2: the context's cause, same
 * encoding. r3: 1 if the cause is the very same object await() returned.
 */
@JCStressTest
@Description("two ErrGroup.withContext tasks failing at once: one first error, the same one as the context's cause")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "task A failed first: await() returns A's exception, the context's cause is A's")
@Outcome(id = "2, 2, 1", expect = ACCEPTABLE, desc = "task B failed first: await() returns B's exception, the context's cause is B's")
@Outcome(expect = FORBIDDEN, desc = "no error, or await() and the context disagree on which was first")
@State
public class ErrGroupFirstErrorWins {
    private final Channel<Integer> gateA = Channel.make();
    private final Channel<Integer> gateB = Channel.make();
    private final RuntimeException failA = new IllegalStateException("A");
    private final RuntimeException failB = new IllegalStateException("B");
    private final ErrGroup g = ErrGroup.withContext(Context.background());

    public ErrGroupFirstErrorWins() {
        try {
            g.go(() -> {
                gateA.receiveOk();
                throw failA;
            });
            g.go(() -> {
                gateB.receiveOk();
                throw failB;
            });
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Actor
    public void failA() {
        gateA.close();
    }

    @Actor
    public void failB() {
        gateB.close();
    }

    private int which(Throwable t) {
        return t == failA ? 1 : t == failB ? 2 : t == null ? 0 : -1;
    }

    @Arbiter
    public void arbiter(III_Result r) {
        Throwable err;
        try {
            err = g.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -50;
            return;
        }
        Throwable cause = g.context().cause();
        r.r1 = which(err);
        r.r2 = which(cause);
        r.r3 = err != null && err == cause ? 1 : 0;
    }
}
