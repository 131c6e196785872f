package io.chanflow.testing;

import static org.awaitility.Awaitility.await;

import io.chanflow.Goroutines;
import java.time.Duration;

/** Waits for goroutines to come to rest: how a test knows nothing moves until it signals again. */
public final class Parked {
    private Parked() {}

    /**
     * Waits (up to 5 s, polling every millisecond) until every goroutine started since {@code before} is
     * parked: blocked in a channel operation or waiting for demand. A goroutine a signal wakes is runnable
     * before the signalling call returns, so once this holds after the test's last signal, nothing moves
     * (no value is taken, no request made) until the test signals again.
     *
     * @param before the goroutines that were there before the code under test started
     */
    public static void awaitAllParked(Goroutines.Snapshot before) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Goroutines.startedSince(before).stream()
                        .allMatch(g -> g.thread().getState() == Thread.State.WAITING));
    }
}
