package io.chanflow.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The number of items each benchmark performed. In {@code AverageTime} mode JMH reports an
 * {@code OPERATIONS} counter as time per counted operation, so the secondary result {@code :items} is
 * ns per item, whatever the batch size of an invocation (which {@link Size} scales for smoke runs).
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class Items {
    /** Items performed in the current iteration. */
    public long items;

    /** JMH does not reset auxiliary counters: start every iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
        items = 0;
    }
}
