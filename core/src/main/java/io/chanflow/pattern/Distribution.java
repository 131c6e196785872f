package io.chanflow.pattern;

/**
 * How {@link Pipeline#fanOut} hands each value to one of its outputs.
 */
public enum Distribution {
    /**
     * Value {@code i} goes to output {@code i mod n}, waiting for that output's consumer even if others are
     * free: every consumer gets an equal share, and one slow consumer paces all.
     */
    ROUND_ROBIN,
    /**
     * Each value goes to whichever output's consumer is ready first (a random one of several ready, as
     * {@code select} chooses): faster consumers get more values, and a stalled one stalls nobody.
     */
    FIRST_FREE
}
