package io.chanflow.benchmarks;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;

import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import java.util.concurrent.SynchronousQueue;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkChanNonblocking: GOMAXPROCS workers (b.RunParallel) each loop
 * {@code select { case <-myc: default: }} on one shared unbuffered channel that is never ready. Go compiles a
 * one-case select with default to a non-blocking receive, which is Chanflow's {@code tryReceive}; the
 * {@code chanflowSelect} variant runs the literal select. An item is one loop iteration.
 */
public class ChanNonblocking extends Bench {
    static final int ITERATIONS = 1_000_000;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        Channel<Integer> myc = Channel.make();
        return RunParallel.count(ITERATIONS, items, () -> myc.tryReceive() == null ? 0 : 1);
    }

    @Benchmark
    public long chanflowSelect(Items items) throws Exception {
        Channel<Integer> myc = Channel.make();
        return RunParallel.count(ITERATIONS, items, () -> select(myc.onReceive(v -> 1), otherwise(() -> 0)));
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        com.softwaremill.jox.Channel<Integer> myc = com.softwaremill.jox.Channel.newRendezvousChannel();
        return RunParallel.count(ITERATIONS, items,
                () -> Select.select(myc.receiveClause(v -> 1), Select.defaultClause(0)));
    }

    @Benchmark
    public long jdkSynchronousQueue(Items items) throws Exception {
        SynchronousQueue<Integer> myc = new SynchronousQueue<>();
        return RunParallel.count(ITERATIONS, items, () -> myc.poll() == null ? 0 : 1);
    }
}
