package io.chanflow.benchmarks;

import static io.chanflow.Go.select;

import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkSelectUncontended: each of GOMAXPROCS workers owns two buffered(1) channels with one token
 * between them and loops {@code select { case <-myc1: myc2 <- 0; case <-myc2: myc1 <- 0 }}. An item is one
 * loop iteration (a select plus a send).
 */
public class SelectUncontended extends Bench {
    static final int ITERATIONS = 1_000_000;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        return RunParallel.workers(ITERATIONS, items,
                iterations -> tokenLoop(Channel.make(1), Channel.make(1), iterations));
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        return RunParallel.workers(ITERATIONS, items, iterations -> tokenLoop(
                com.softwaremill.jox.Channel.newBufferedChannel(1),
                com.softwaremill.jox.Channel.newBufferedChannel(1), iterations));
    }

    /** Puts a token in myc1, then moves it back and forth with a two-case select. */
    static long tokenLoop(Channel<Integer> myc1, Channel<Integer> myc2, long iterations) throws Exception {
        myc1.send(0);
        long s = 0;
        for (long i = 0; i < iterations; i++) {
            int which = select(myc1.onReceive(v -> 1), myc2.onReceive(v -> 2));
            (which == 1 ? myc2 : myc1).send(0);
            s += which;
        }
        return s;
    }

    /** {@link #tokenLoop(Channel, Channel, long)} with Jox. */
    static long tokenLoop(com.softwaremill.jox.Channel<Integer> myc1, com.softwaremill.jox.Channel<Integer> myc2,
            long iterations) throws Exception {
        myc1.send(0);
        long s = 0;
        for (long i = 0; i < iterations; i++) {
            int which = Select.select(myc1.receiveClause(v -> 1), myc2.receiveClause(v -> 2));
            (which == 1 ? myc2 : myc1).send(0);
            s += which;
        }
        return s;
    }
}
