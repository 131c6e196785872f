package io.chanflow.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Go's BenchmarkChanSync: two goroutines share an unbuffered channel and take batches of 1000 calls from an
 * atomic counter; in an even batch a goroutine receives then sends, in an odd one it sends then receives, so
 * the two always pair up. Go's b.N counts calls; a call is one receive plus one send of one goroutine, so an
 * item is about one hand-off. N = b.N / 1000 / 2 * 2 batches, as in Go.
 */
public class ChanSync extends PipeBench {
    static final int CALLS = 1_000_000;
    static final int CALLS_PER_SCHED = 1000;
    static final int PROCS_USED = 2;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        Pipe myc = impl.make(0);
        int batches = Size.of(CALLS) / CALLS_PER_SCHED / PROCS_USED * PROCS_USED;
        AtomicInteger next = new AtomicInteger(batches);
        long[] sums = new long[PROCS_USED];
        new Group().start(PROCS_USED, p -> {
            long s = 0;
            for (int i; (i = next.decrementAndGet()) >= 0; ) {
                for (int g = 0; g < CALLS_PER_SCHED; g++) {
                    if (i % 2 == 0) {
                        s += myc.receive();
                        myc.send(0);
                    } else {
                        myc.send(0);
                        s += myc.receive();
                    }
                }
            }
            sums[p] = s;
        }).join();
        items.items += (long) batches * CALLS_PER_SCHED;
        return sums[0] + sums[1];
    }
}
