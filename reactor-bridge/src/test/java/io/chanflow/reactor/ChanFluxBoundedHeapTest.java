package io.chanflow.reactor;

import static io.chanflow.testing.BridgeOperatorBounds.ELEMENTS;
import static io.chanflow.testing.BridgeOperatorBounds.HEAP_GROWTH_LIMIT;
import static io.chanflow.testing.BridgeOperatorBounds.HEAP_PROBE_FIRST;

import io.chanflow.testing.DemandMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

/**
 * No unbounded queue between a flux, a channel and a flux again:
 * {@value io.chanflow.testing.BridgeOperatorBounds#ELEMENTS} elements through
 * {@code ChanFlux.from(ChanFlux.toChannel(flux, 256))} arrive exactly once and in order, never have more
 * than the channel's capacity (plus the one value the publishing goroutine holds) requested and not yet
 * consumed, and the heap used after a GC does not grow between the first million and the end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanFluxBoundedHeapTest {
    static final int CAPACITY = 256;

    @Test
    void tenMillionElementsThroughToChannelAndFromNeverQueueMoreThanTheCapacity() {
        DemandMeter m = new DemandMeter(ELEMENTS, HEAP_PROBE_FIRST, 1, true);
        Flux<Integer> source = Flux.range(0, ELEMENTS).doOnRequest(m.sourceRequests(ELEMENTS));

        ChanFlux.from(ChanFlux.toChannel(source, CAPACITY))
                .doOnNext(v -> m.take(0, v))
                .then()
                .block(Duration.ofSeconds(50));

        m.assertExactlyOnceBoundedDemandAndHeap("toChannel/from", CAPACITY + 1, 0, HEAP_GROWTH_LIMIT);
    }
}
