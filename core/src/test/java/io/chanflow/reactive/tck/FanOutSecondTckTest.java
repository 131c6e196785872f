package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;

/**
 * Reactive Streams TCK for the second of the {@value FanOutBranchVerification#BRANCHES} branches of a
 * round-robin {@link ReactiveChannels#fanOut} (prefetch {@value Tck#PREFETCH}), the first drained (see
 * {@link FanOutBranchVerification}).
 *
 * <p>The error-state checks run on a fan-out over a failed source. Not verified, by the TCK's own choice:
 * <ul>
 *   <li>{@code optional_spec111_multicast_*}: subscribers of one branch share its values (each value goes
 *       to one of them), so the TCK skips its multicast checks.</li>
 *   <li>{@code untested_*}: the TCK has no test for these rules.</li>
 * </ul>
 */
public class FanOutSecondTckTest extends FanOutBranchVerification {
    public FanOutSecondTckTest() {
        super(1);
    }
}
