package io.chanflow.benchmarks;

import static io.chanflow.Go.newTimer;
import static io.chanflow.Go.select;

import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import io.chanflow.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkSelectProdCons: like ChanProdCons with a buffered(128) channel and 100 rounds of local work,
 * but every send and receive is a three-case select that also watches a timer of one hour (never fires)
 * and a close channel (never closed). An item is one value sent. Jox has no timers: its version watches a
 * second never-ready channel instead.
 */
public class SelectProdCons extends Bench {
    static final int CAPACITY = 128;
    static final int WORK = 100;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        Channel<Integer> myc = Channel.make(CAPACITY);
        Channel<Boolean> myclose = Channel.make();
        return run(items,
                () -> {
                    Timer mytimer = newTimer(Duration.ofHours(1));
                    return new Side(
                            () -> select(myc.onSend(1, () -> 0), mytimer.c().onReceive(t -> 0),
                                    myclose.onReceive(b -> 0)),
                            () -> select(myc.onReceive(v -> v), mytimer.c().onReceive(t -> -1),
                                    myclose.onReceive(b -> -1)),
                            () -> myc.send(0),
                            mytimer::stop);
                });
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        com.softwaremill.jox.Channel<Integer> myc = com.softwaremill.jox.Channel.newBufferedChannel(CAPACITY);
        com.softwaremill.jox.Channel<Boolean> myclose = com.softwaremill.jox.Channel.newRendezvousChannel();
        return run(items,
                () -> {
                    com.softwaremill.jox.Channel<Boolean> mytimer = com.softwaremill.jox.Channel.newRendezvousChannel();
                    return new Side(
                            () -> Select.select(myc.sendClause(1, () -> 0), mytimer.receiveClause(t -> 0),
                                    myclose.receiveClause(b -> 0)),
                            () -> Select.select(myc.receiveClause(v -> v), mytimer.receiveClause(t -> -1),
                                    myclose.receiveClause(b -> -1)),
                            () -> myc.send(0),
                            () -> { });
                });
    }

    /** One goroutine's view: its select to send 1, its select to receive, the final plain send of 0. */
    record Side(RunParallel.Body selectSend, RunParallel.Body selectReceive, Group.Body sendZero,
                Runnable stopTimer) {}

    /** Makes a Side per goroutine (each has its own timer, as in Go). */
    interface Sides {
        Side make();
    }

    static long run(Items items, Sides sides) throws Exception {
        int batches = Size.of(ChanProdCons.VALUES) / ChanProdCons.CALLS_PER_SCHED;
        AtomicInteger next = new AtomicInteger(batches);
        long[] foos = new long[2 * PROCS];
        Group g = new Group();
        g.start(PROCS, p -> {
            Side side = sides.make();
            long foo = 0;
            while (next.decrementAndGet() >= 0) {
                for (int k = 0; k < ChanProdCons.CALLS_PER_SCHED; k++) {
                    foo = ChanProdCons.localWork(foo, WORK);
                    side.selectSend().run();
                }
            }
            side.sendZero().run();
            side.stopTimer().run();
            foos[p] = foo;
        });
        g.start(PROCS, c -> {
            Side side = sides.make();
            long foo = 0;
            for (int v; (v = side.selectReceive().run()) != 0; ) {
                foo = ChanProdCons.localWork(foo, WORK);
            }
            side.stopTimer().run();
            foos[PROCS + c] = foo;
        });
        g.join();
        items.items += (long) batches * ChanProdCons.CALLS_PER_SCHED;
        long s = 0;
        for (long f : foos) {
            s += f;
        }
        return s;
    }
}
