package io.chanflow.benchmarks;

import static io.chanflow.Go.select;

import com.softwaremill.jox.ChannelDone;
import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkSelectSyncContended: three shared unbuffered channels; each of GOMAXPROCS workers starts a
 * helper that loops {@code select { case myc1 <- 0: case myc2 <- 0: case myc3 <- 0: case <-done: return }}
 * and itself loops a receive-select over the three. When all workers are done, done is closed. An item is
 * one receive-select.
 */
public class SelectSyncContended extends Bench {
    static final int ITERATIONS = 200_000;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        Channel<Integer> myc1 = Channel.make();
        Channel<Integer> myc2 = Channel.make();
        Channel<Integer> myc3 = Channel.make();
        Channel<Integer> done = Channel.make();
        Group helpers = new Group().start(PROCS, h -> {
            boolean running = true;
            while (running) {
                running = select(
                        myc1.onSend(0, () -> true),
                        myc2.onSend(0, () -> true),
                        myc3.onSend(0, () -> true),
                        done.onReceiveOk(r -> false));
            }
        });
        long s = RunParallel.workers(ITERATIONS, items, iterations -> {
            long sum = 0;
            for (long i = 0; i < iterations; i++) {
                sum += select(myc1.onReceive(v -> 1), myc2.onReceive(v -> 2), myc3.onReceive(v -> 3));
            }
            return sum;
        });
        done.close();
        helpers.join();
        return s;
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        com.softwaremill.jox.Channel<Integer> myc1 = com.softwaremill.jox.Channel.newRendezvousChannel();
        com.softwaremill.jox.Channel<Integer> myc2 = com.softwaremill.jox.Channel.newRendezvousChannel();
        com.softwaremill.jox.Channel<Integer> myc3 = com.softwaremill.jox.Channel.newRendezvousChannel();
        com.softwaremill.jox.Channel<Integer> done = com.softwaremill.jox.Channel.newRendezvousChannel();
        Group helpers = new Group().start(PROCS, h -> {
            Object r;
            do {
                r = Select.selectOrClosed(
                        myc1.sendClause(0, () -> true),
                        myc2.sendClause(0, () -> true),
                        myc3.sendClause(0, () -> true),
                        done.receiveClause(v -> false));
            } while (!(r instanceof ChannelDone));
        });
        long s = RunParallel.workers(ITERATIONS, items, iterations -> {
            long sum = 0;
            for (long i = 0; i < iterations; i++) {
                sum += Select.select(myc1.receiveClause(v -> 1), myc2.receiveClause(v -> 2),
                        myc3.receiveClause(v -> 3));
            }
            return sum;
        });
        done.done();
        helpers.join();
        return s;
    }
}
