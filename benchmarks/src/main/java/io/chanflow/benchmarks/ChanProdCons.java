package io.chanflow.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Param;

/**
 * Go's BenchmarkChanProdCons{0,10,100} (work = 0) and BenchmarkChanProdConsWork{0,10,100} (work = 100):
 * GOMAXPROCS producers and GOMAXPROCS consumers on one channel of capacity chanSize. Producers take batches
 * of 1000 sends from an atomic counter, doing {@code work} rounds of local work before each send, and end
 * with a 0; a consumer stops at the first 0 and does the local work after each value. An item is one value
 * sent (Go's b.N).
 */
public class ChanProdCons extends PipeBench {
    static final int VALUES = 1_000_000;
    static final int CALLS_PER_SCHED = 1000;

    @Param({"0", "10", "100"})
    public int chanSize;

    @Param({"0", "100"})
    public int work;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        Pipe myc = impl.make(chanSize);
        int batches = Size.of(VALUES) / CALLS_PER_SCHED;
        AtomicInteger next = new AtomicInteger(batches);
        long[] foos = new long[2 * PROCS];
        Group g = new Group();
        g.start(PROCS, p -> {
            long foo = 0;
            while (next.decrementAndGet() >= 0) {
                for (int k = 0; k < CALLS_PER_SCHED; k++) {
                    foo = localWork(foo, work);
                    myc.send(1);
                }
            }
            myc.send(0);
            foos[p] = foo;
        });
        g.start(PROCS, c -> {
            long foo = 0;
            while (myc.receive() != 0) {
                foo = localWork(foo, work);
            }
            foos[PROCS + c] = foo;
        });
        g.join();
        items.items += (long) batches * CALLS_PER_SCHED;
        long s = 0;
        for (long f : foos) {
            s += f;
        }
        return s;
    }

    /** Go's {@code for i := 0; i < work; i++ { foo *= 2; foo /= 2 }}. */
    static long localWork(long foo, int work) {
        for (int i = 0; i < work; i++) {
            foo *= 2;
            foo /= 2;
        }
        return foo;
    }
}
