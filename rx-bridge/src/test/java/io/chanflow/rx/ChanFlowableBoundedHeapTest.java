package io.chanflow.rx;

import static io.chanflow.testing.BridgeOperatorBounds.ELEMENTS;
import static io.chanflow.testing.BridgeOperatorBounds.HEAP_GROWTH_LIMIT;
import static io.chanflow.testing.BridgeOperatorBounds.HEAP_PROBE_FIRST;

import io.chanflow.testing.DemandMeter;
import io.reactivex.rxjava3.core.Flowable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No unbounded queue between a flowable, a channel and a flowable again:
 * {@value io.chanflow.testing.BridgeOperatorBounds#ELEMENTS} elements through
 * {@code ChanFlowable.from(ChanFlowable.toChannel(flowable, 256))} arrive exactly once and in order, never have more
 * than the channel's capacity (plus the one value the publishing goroutine holds) requested and not yet
 * consumed, and the heap used after a GC does not grow between the first million and the end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanFlowableBoundedHeapTest {
    static final int CAPACITY = 256;

    @Test
    void tenMillionElementsThroughToChannelAndFromNeverQueueMoreThanTheCapacity() {
        DemandMeter m = new DemandMeter(ELEMENTS, HEAP_PROBE_FIRST, 1, true);
        Flowable<Integer> source = Flowable.range(0, ELEMENTS).doOnRequest(m.sourceRequests(ELEMENTS)::accept);

        ChanFlowable.from(ChanFlowable.toChannel(source, CAPACITY))
                .doOnNext(v -> m.take(0, v))
                .ignoreElements()
                .blockingAwait();

        m.assertExactlyOnceBoundedDemandAndHeap("toChannel/from", CAPACITY + 1, 0, HEAP_GROWTH_LIMIT);
    }
}
