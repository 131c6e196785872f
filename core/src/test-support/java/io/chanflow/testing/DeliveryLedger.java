package io.chanflow.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which of the values {@code 0 .. size-1} a consumer received: one bit per value, so millions of values cost
 * an eighth of a byte each. Counts the distinct values received, the values received again (duplicates) and,
 * for an ordered stream, the values that did not follow the one before (out of order: each value must be the
 * previous one plus one, starting at 0). A stream delivered exactly once and in order ends with
 * {@link #count()} equal to the size, and {@link #duplicates()} and {@link #outOfOrder()} zero.
 *
 * <p>Thread-safe: {@link #take} may be called from several threads at once (the branches of a fan-out
 * counted together). Order is only meaningful when one thread at a time takes the values.
 */
public final class DeliveryLedger {
    private final AtomicLongArray bits;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong last = new AtomicLong(-1);
    private final boolean ordered;

    /**
     * @param size the values expected are {@code 0 .. size-1}
     * @param ordered whether each value must follow the one before ({@code false}: order is not checked)
     */
    public DeliveryLedger(int size, boolean ordered) {
        this.bits = new AtomicLongArray((size + 63) / 64);
        this.ordered = ordered;
    }

    /**
     * Records {@code v}.
     *
     * @param v a value in {@code 0 .. size-1}
     * @return the number of distinct values received so far (this one included)
     */
    public long take(int v) {
        if (ordered && last.getAndSet(v) != v - 1) {
            outOfOrder.incrementAndGet();
        }
        long bit = 1L << v;
        long word = bits.getAndAccumulate(v >>> 6, bit, (w, b) -> w | b);
        if ((word & bit) != 0) {
            duplicates.incrementAndGet();
            return count.get();
        }
        return count.incrementAndGet();
    }

    /** @return the distinct values received so far */
    public long count() {
        return count.get();
    }

    /** @return how many times a value already received was received again */
    public long duplicates() {
        return duplicates.get();
    }

    /** @return how many values did not follow the one before (always 0 when order is not checked) */
    public long outOfOrder() {
        return outOfOrder.get();
    }
}
