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
 * Rule 11: a select with a default judges its cases at one instant. Channel b starts holding 2; the mover
 * first puts 1 into the empty channel a, then takes 2 out of b (both non-blocking, buffered channels, so
 * both go through the buffers' lock-free fast paths). At every instant a or b holds a value, so the select
 * over both with a default must receive something. If it judged a before the move and b after it, it
 * would take the default: the buffers' fast paths must not run while a select holds the locks.
 *
 * <p>r1: the select: 1 or 2, the value received; 0 the default. r2: values left in a. r3: values left in b.
 * The mover's receive from b may find b already emptied by the select; then 2 was received by the select.
 */
@JCStressTest
@Description("select(a, b, default) racing 'a.trySend(1); b.tryReceive()' on buffered(1) channels, b full")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "moved first: the select received 1 from a")
@Outcome(id = "2, 1, 0", expect = ACCEPTABLE, desc = "select first took 2 from b; the mover's a.trySend(1) stayed in a")
@Outcome(expect = FORBIDDEN, desc = "default taken although a or b was ready at every instant (r1 = 0), or a value lost or duplicated")
@State
public class SelectDefaultAtOneInstant {
    private final Channel<Integer> a = Channel.make(1);
    private final Channel<Integer> b = Channel.make(1);

    public SelectDefaultAtOneInstant() {
        b.trySend(2);
    }

    @Actor
    public void mover() {
        a.trySend(1);
        b.tryReceive();
    }

    @Actor
    public void selector(III_Result r) {
        try {
            r.r1 = Go.<Integer>select(a.onReceive(v -> v), b.onReceive(v -> v), Go.otherwise(() -> 0));
        } catch (InterruptedException e) {
            r.r1 = -2;
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = Drain.open(a, 1);
        r.r3 = Drain.open(b, 2);
    }
}
