package io.chanflow.benchmarks;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;

import com.softwaremill.jox.ChannelDone;
import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import io.chanflow.Received;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkChanClosed: GOMAXPROCS workers loop {@code select { case <-c: default: unreachable }} on a
 * closed unbuffered channel. Go compiles it to a non-blocking receive, Chanflow's {@code tryReceiveOk}; the
 * {@code chanflowSelect} variant runs the literal select. An item is one iteration.
 */
public class ChanClosed extends Bench {
    static final int ITERATIONS = 1_000_000;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        Channel<Integer> c = Channel.make();
        c.close();
        return RunParallel.count(ITERATIONS, items, () -> {
            Received<Integer> r = c.tryReceiveOk();
            if (r == null) {
                throw new IllegalStateException("unreachable");
            }
            return r.ok() ? 1 : 0;
        });
    }

    @Benchmark
    public long chanflowSelect(Items items) throws Exception {
        Channel<Integer> c = Channel.make();
        c.close();
        return RunParallel.count(ITERATIONS, items, () -> select(
                c.onReceiveOk(r -> r.ok() ? 1 : 0),
                otherwise(() -> {
                    throw new IllegalStateException("unreachable");
                })));
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        com.softwaremill.jox.Channel<Integer> c = com.softwaremill.jox.Channel.newRendezvousChannel();
        c.done();
        return RunParallel.count(ITERATIONS, items, () -> {
            Object r = Select.selectOrClosed(c.receiveClause(v -> 1), Select.defaultClause(-1));
            if (!(r instanceof ChannelDone)) {
                throw new IllegalStateException("unreachable");
            }
            return 0;
        });
    }
}
