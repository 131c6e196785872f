package io.chanflow.reactor;

import reactor.blockhound.BlockHound;

/**
 * The BlockHound allowance the bridges' tests need, and why.
 *
 * <p>The channel engine guards each channel with a {@code ReentrantLock} held for a few field updates,
 * never across a wait. Its non-blocking operations ({@code trySend}; {@code close}/{@code tryClose}, which
 * share {@code close0}) still acquire that lock, and when another thread holds it at that instant,
 * {@code ReentrantLock.lock()} may park: BlockHound rightly reports that park on a non-blocking thread
 * (observed: {@code onNext} -> {@code trySend} on {@code parallel-N}, racing a receiver). The wait is
 * bounded by the other holder's critical section, not by any channel state, so it is allowed here, for
 * those two methods only; every other blocking call on a non-blocking thread still fails the tests.
 * Asked of the core engine: acquire the lock without parking (spin with {@code tryLock}) in its
 * non-blocking operations, after which this allowance can go.
 */
final class ChanBlockHound {
    private ChanBlockHound() {}

    static void allowChannelLocks(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.chanflow.Chan", "trySend")
                .allowBlockingCallsInside("io.chanflow.Chan", "close0");
    }
}
