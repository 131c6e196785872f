package io.chanflow.reactive.tck;

import io.chanflow.reactive.ReactiveChannels;
import io.chanflow.reactive.Tee;

/**
 * Reactive Streams TCK for the first branch of {@link ReactiveChannels#tee} (prefetch {@value Tck#PREFETCH}),
 * the second branch drained (see {@link TeeBranchVerification}).
 *
 * <p>The error-state checks run on a tee over a failed upstream. Not verified, by the TCK's own choice:
 * <ul>
 *   <li>{@code optional_spec111_*} (all five: {@code maySupportMultiSubscribe},
 *       {@code registeredSubscribersMustReceiveOnNextOrOnCompleteSignals} and the three {@code multicast_*}):
 *       a branch allows one subscriber, a second one gets {@code onError(IllegalStateException)}, so the
 *       TCK reports these optional rules as not implemented.</li>
 *   <li>{@code untested_*}: the TCK has no test for these rules.</li>
 * </ul>
 */
public class TeeFirstTckTest extends TeeBranchVerification {
    public TeeFirstTckTest() {
        super(Tee::first, Tee::second);
    }
}
