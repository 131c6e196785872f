package io.chanflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;

/**
 * Measures a stream of the values {@code 0 .. elements-1} through an operator that must not queue without
 * bound: what its sources were asked for, what each of its outputs (lanes) consumed, and the heap; then
 * {@link #assertExactlyOnceBoundedDemandAndHeap} checks that
 * <ul>
 *   <li>every lane received every value exactly once (a {@link DeliveryLedger} per lane: no loss, no
 *       duplicate) and, where the stream is ordered, in order;</li>
 *   <li>the values requested from the sources and not yet consumed never exceeded, at any time, the bound
 *       the operator's documented prefetch and capacities give;</li>
 *   <li>an outer publisher (of inner publishers, for a bridge) was never asked for more than a bound ahead
 *       of the inner publishers subscribed;</li>
 *   <li>the heap used after a GC did not grow by a limit or more between the first probe (after
 *       {@code heapProbeFirst} values on lane 0) and the end (all values on lane 0).</li>
 * </ul>
 *
 * <p>"Requested" counts only values a source has: a request past a source's end asks for nothing, so the
 * refills an operator sends as a source runs out do not add up over many short sources; requests add up
 * saturating at {@code Long.MAX_VALUE}. "Consumed" is what the slowest lane received. The gap is largest
 * right after a request, so it is checked at each request.
 *
 * <p>Library-agnostic: hook {@link #sourceRequests} and {@link #outerRequests} into each source's
 * request callback ({@code doOnRequest} in Reactor and RxJava) and feed each lane's values to {@link #take};
 * the test module wraps these for its reactive library.
 */
public class DemandMeter {
    private final int elements;
    private final int heapProbeFirst;
    private final long startNanos = System.nanoTime();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong worstAhead = new AtomicLong();
    private final AtomicLong outerRequested = new AtomicLong();
    private final AtomicLong innersSubscribed = new AtomicLong();
    private final AtomicLong worstOuterAhead = new AtomicLong();
    private final AtomicLongArray heapAt = new AtomicLongArray(2);
    private final DeliveryLedger[] lanes;

    /**
     * @param elements the values are {@code 0 .. elements-1}, and every lane must receive each of them
     * @param heapProbeFirst after how many values on lane 0 the heap is measured first (the second time is at
     *     the end)
     * @param lanes how many outputs each get every value
     * @param ordered whether each lane must receive the values in order
     */
    public DemandMeter(int elements, int heapProbeFirst, int lanes, boolean ordered) {
        this.elements = elements;
        this.heapProbeFirst = heapProbeFirst;
        this.lanes = new DeliveryLedger[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new DeliveryLedger(elements, ordered);
        }
    }

    /**
     * The request callback for one source of {@code size} values: counts each request up to the source's end
     * and records how far requested is then ahead of consumed.
     *
     * @param size how many values the source has
     * @return a callback for every request {@code n} the source receives
     */
    public LongConsumer sourceRequests(long size) {
        AtomicLong asked = new AtomicLong();
        return n -> {
            long before = asked.getAndAccumulate(n, DemandMeter::saturatedAdd);
            long more = Math.min(saturatedAdd(before, n), size) - Math.min(before, size);
            long ahead = requested.addAndGet(more) - consumed();
            worstAhead.accumulateAndGet(ahead, Math::max);
        };
    }

    /**
     * The request callback for an outer publisher of {@code size} inner publishers: records how far the inner
     * publishers requested are ahead of those subscribed ({@link #innerSubscribed}).
     *
     * @param size how many inner publishers the outer publisher has
     * @return a callback for every request {@code n} the outer publisher receives
     */
    public LongConsumer outerRequests(long size) {
        return n -> {
            long ahead = outerRequested.addAndGet(Math.min(n, size)) - innersSubscribed.get();
            worstOuterAhead.accumulateAndGet(ahead, Math::max);
        };
    }

    /** Call as an inner publisher is subscribed. */
    public void innerSubscribed() {
        innersSubscribed.incrementAndGet();
    }

    /**
     * Consumes one of a lane's values: records it, and on lane 0 measures the heap after
     * {@code heapProbeFirst} values and after all of them.
     *
     * @param lane the output the value came from
     * @param v the value
     */
    public void take(int lane, int v) {
        long c = lanes[lane].take(v);
        if (lane == 0 && (c == heapProbeFirst || c == elements)) {
            heapAt.set(c == elements ? 1 : 0, usedHeapAfterGc());
        }
    }

    /** @return what the slowest lane consumed */
    public long consumed() {
        long min = Long.MAX_VALUE;
        for (DeliveryLedger l : lanes) {
            min = Math.min(min, l.count());
        }
        return min;
    }

    /**
     * Prints what was measured (under {@code name}), then checks it: each lane received every value exactly
     * once (and in order, if ordered), requested but not consumed never exceeded {@code bound}, inner
     * publishers requested but not subscribed never exceeded {@code outerBound}, and the heap grew by less
     * than {@code heapGrowthLimit} bytes between the first heap probe and the end.
     *
     * @param name what ran, for the printed line
     * @param bound the most values that may be requested from the sources and not yet consumed
     * @param outerBound the most inner publishers that may be requested and not yet subscribed
     * @param heapGrowthLimit the heap growth (bytes) that fails the check
     */
    public void assertExactlyOnceBoundedDemandAndHeap(String name, long bound, long outerBound, long heapGrowthLimit) {
        System.out.printf("%s: %,d elements in %,d ms; worst requested ahead %d (bound %d); heap %,d -> %,d bytes%n",
                name, elements, (System.nanoTime() - startNanos) / 1_000_000, worstAhead.get(), bound,
                heapAt.get(0), heapAt.get(1));
        for (DeliveryLedger lane : lanes) {
            assertThat(lane.duplicates()).as("values received twice").isZero();
            assertThat(lane.outOfOrder()).as("values out of order").isZero();
            assertThat(lane.count()).as("distinct values received").isEqualTo(elements);
        }
        assertThat(worstAhead.get()).as("requested but not consumed, at worst").isLessThanOrEqualTo(bound);
        assertThat(worstOuterAhead.get()).as("inner publishers requested but not subscribed, at worst")
                .isLessThanOrEqualTo(outerBound);
        assertThat(heapAt.get(1) - heapAt.get(0)).as("heap growth from %,d to %,d elements", heapProbeFirst, elements)
                .isLessThan(heapGrowthLimit);
    }

    /** @return {@code a + b}, or {@code Long.MAX_VALUE} where that overflows (both non-negative) */
    public static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** @return the heap used after a {@link System#gc()} (bytes) */
    public static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
