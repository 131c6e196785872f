package io.chanflow;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one scheduler behind every {@link Timer}, {@link Ticker} and {@link Go#after(java.time.Duration)}: a
 * single daemon platform thread whose tasks only ever do non-blocking sends. No thread per timer.
 */
final class Timers {
    private Timers() {}

    static final ScheduledThreadPoolExecutor SCHEDULER;

    static {
        SCHEDULER = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "chanflow-timer");
            t.setDaemon(true);
            return t;
        });
        SCHEDULER.setRemoveOnCancelPolicy(true);
    }
}
