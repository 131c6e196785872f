package io.chanflow.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import io.reactivex.rxjava3.core.Flowable;

/**
 * No unbounded queue between a flowable, a channel and a flowable again: {@value #ELEMENTS} elements through
 * {@code ChanFlowable.from(ChanFlowable.toChannel(flowable, 256))} never have more than the channel's capacity (plus the
 * one value the publishing goroutine holds) requested and not yet consumed, and the heap used after a GC
 * does not grow between the first million and the end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanFlowableBoundedHeapTest {
    static final int ELEMENTS = 10_000_000;
    static final int CAPACITY = 256;
    static final long HEAP_GROWTH_LIMIT = 32L << 20;

    @Test
    void tenMillionElementsThroughToChannelAndFromNeverQueueMoreThanTheCapacity() {
        AtomicLong requested = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicLong worstAhead = new AtomicLong();
        long[] heapAt = new long[2];
        Flowable<Integer> source = Flowable.range(0, ELEMENTS).doOnRequest(n -> {
            long ahead = requested.addAndGet(n) - consumed.get();
            worstAhead.accumulateAndGet(ahead, Math::max);
        });
        Long count = ChanFlowable.from(ChanFlowable.toChannel(source, CAPACITY))
                .doOnNext(x -> {
                    long c = consumed.incrementAndGet();
                    if (c == 1_000_000) {
                        heapAt[0] = usedHeapAfterGc();
                    } else if (c == ELEMENTS) {
                        heapAt[1] = usedHeapAfterGc();
                    }
                })
                .count()
                .blockingGet();

        assertThat(count).isEqualTo(ELEMENTS);
        assertThat(worstAhead.get()).as("requested but not consumed, at worst").isLessThanOrEqualTo(CAPACITY + 1);
        assertThat(heapAt[1] - heapAt[0]).as("heap growth from 1M to %,d elements", ELEMENTS)
                .isLessThan(HEAP_GROWTH_LIMIT);
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
