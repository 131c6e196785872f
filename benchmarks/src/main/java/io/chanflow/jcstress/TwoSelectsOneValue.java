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
 * Rule: one buffered value goes to exactly one of two racing selects. Both selects watch the same two
 * channels ({@code a} holds 1, {@code b} is empty) with a default, so they lock overlapping channel sets.
 *
 * <p>r1, r2: what each select got: 1 the value from a, 0 its default, 11 something from b (impossible).
 * r3: what a and b still hold (the arbiter drains both; 1 if the value is still in a).
 */
@JCStressTest
@Description("two non-blocking selects racing for one buffered value")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "the first select took the value, the second took its default")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "the second select took the value, the first took its default")
@Outcome(expect = FORBIDDEN, desc = "value taken twice, lost (both defaults and nothing left), or a value from the empty channel")
@State
public class TwoSelectsOneValue {
    private final Channel<Integer> a = Channel.make(1);
    private final Channel<Integer> b = Channel.make(1);

    public TwoSelectsOneValue() {
        a.trySend(1);
    }

    private int select() {
        try {
            return Go.<Integer>select(a.onReceive(v -> v), b.onReceive(v -> v + 10), Go.otherwise(() -> 0));
        } catch (InterruptedException e) {
            return -2;
        }
    }

    @Actor
    public void first(III_Result r) {
        r.r1 = select();
    }

    @Actor
    public void second(III_Result r) {
        r.r2 = select();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        int left = Drain.open(a, 1);
        int fromB = Drain.open(b, 1);
        r.r3 = fromB == 0 ? left : -1000 + fromB;
    }
}
