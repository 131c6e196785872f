package io.chanflow.samples;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How much of a limited resource is in use now, and the most ever seen: lets the reactive forms of the
 * bounded samples print the peak that the channel forms track under a lock, as their Go originals do.
 */
final class Usage {
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    void enter(long weight) {
        peak.accumulateAndGet(used.addAndGet(weight), Math::max);
    }

    void exit(long weight) {
        used.addAndGet(-weight);
    }

    long peak() {
        return peak.get();
    }
}
