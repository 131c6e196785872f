package io.chanflow.goport;

/**
 * Iteration counts for the Go ports. By default the ports run scaled-down counts, so the whole suite
 * takes seconds on two cores; each test's comment gives Go's count. Run with {@code -Dgoport.full=true}
 * to use Go's full (non {@code -short}) counts instead; add
 * {@code -Djunit.jupiter.execution.timeout.mode=disabled}, since the per-test timeouts are sized for the
 * scaled counts.
 */
final class GoScale {
    private GoScale() {}

    static final boolean FULL = Boolean.getBoolean("goport.full");

    /** {@code ours} normally; {@code go}, Go's own count, with {@code -Dgoport.full=true}. */
    static int pick(int ours, int go) {
        return FULL ? go : ours;
    }
}
