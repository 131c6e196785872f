package io.chanflow.benchmarks;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;

import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkSelectNonblock: GOMAXPROCS workers loop four one-case selects with default: receive from
 * and send to an unbuffered channel (never ready), receive from an empty buffered(1) channel, send to a
 * buffered(1) channel (full after the first time). Go compiles each to a non-blocking operation, which is
 * Chanflow's tryReceive/trySend; {@code chanflowSelect} runs the literal selects. An item is one iteration
 * (four operations).
 */
public class SelectNonblock extends Bench {
    static final int ITERATIONS = 1_000_000;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        Channel<Integer> myc1 = Channel.make();
        Channel<Integer> myc2 = Channel.make();
        Channel<Integer> myc3 = Channel.make(1);
        Channel<Integer> myc4 = Channel.make(1);
        return RunParallel.count(ITERATIONS, items, () -> (myc1.tryReceive() == null ? 0 : 1)
                + (myc2.trySend(0) ? 1 : 0)
                + (myc3.tryReceive() == null ? 0 : 1)
                + (myc4.trySend(0) ? 1 : 0));
    }

    @Benchmark
    public long chanflowSelect(Items items) throws Exception {
        Channel<Integer> myc1 = Channel.make();
        Channel<Integer> myc2 = Channel.make();
        Channel<Integer> myc3 = Channel.make(1);
        Channel<Integer> myc4 = Channel.make(1);
        return RunParallel.count(ITERATIONS, items, () -> select(myc1.onReceive(v -> 1), otherwise(() -> 0))
                + select(myc2.onSend(0, () -> 1), otherwise(() -> 0))
                + select(myc3.onReceive(v -> 1), otherwise(() -> 0))
                + select(myc4.onSend(0, () -> 1), otherwise(() -> 0)));
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        com.softwaremill.jox.Channel<Integer> myc1 = com.softwaremill.jox.Channel.newRendezvousChannel();
        com.softwaremill.jox.Channel<Integer> myc2 = com.softwaremill.jox.Channel.newRendezvousChannel();
        com.softwaremill.jox.Channel<Integer> myc3 = com.softwaremill.jox.Channel.newBufferedChannel(1);
        com.softwaremill.jox.Channel<Integer> myc4 = com.softwaremill.jox.Channel.newBufferedChannel(1);
        return RunParallel.count(ITERATIONS, items,
                () -> Select.select(myc1.receiveClause(v -> 1), Select.defaultClause(0))
                        + Select.select(myc2.sendClause(0, () -> 1), Select.defaultClause(0))
                        + Select.select(myc3.receiveClause(v -> 1), Select.defaultClause(0))
                        + Select.select(myc4.sendClause(0, () -> 1), Select.defaultClause(0)));
    }
}
