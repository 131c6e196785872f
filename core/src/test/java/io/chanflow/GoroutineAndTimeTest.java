package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class GoroutineAndTimeTest {

    @Test
    void goRunsTheTaskOnAVirtualThread() throws Exception {
        AtomicReference<Boolean> virtual = new AtomicReference<>();
        join(go(() -> virtual.set(Thread.currentThread().isVirtual())));
        assertThat(virtual.get()).isTrue();
    }

    @Test
    void aGoroutinesUncaughtExceptionGoesToTheHandler() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        CountDownLatch reported = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler old = Go.setUncaughtExceptionHandler((t, e) -> {
            seen.set(e);
            reported.countDown();
        });
        try {
            IOException boom = new IOException("boom");
            go(() -> {
                throw boom; // a checked exception: tasks may throw anything
            });
            reported.await();
            assertThat(seen.get()).isSameAs(boom);
        } finally {
            Go.setUncaughtExceptionHandler(old);
        }
    }

    @Test
    void theDefaultHandlerReportsRatherThanSwallows() throws Exception {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true));
        try {
            join(go(() -> {
                throw new IllegalStateException("reported, not lost");
            }));
        } finally {
            System.setErr(err);
        }
        assertThat(buf.toString()).contains("reported, not lost").contains("goroutine-");
    }

    @Test
    void afterSendsTheTimeOnceAfterTheDelay() throws Exception {
        Instant start = Instant.now();
        ReceiveChannel<Instant> c = Go.after(Duration.ofMillis(20));
        Instant fired = c.receive();
        assertThat(Duration.between(start, fired)).isGreaterThanOrEqualTo(Duration.ofMillis(19));
        assertThat(c.tryReceive()).isNull();
    }

    @Test
    void aStoppedTimerNeverFires() throws Exception {
        Timer t = Go.newTimer(Duration.ofMillis(30));
        assertThat(t.stop()).isTrue();
        assertThat(t.stop()).isFalse();
        assertThat(t.c().tryReceive(Duration.ofMillis(100))).isNull();
    }

    @Test
    void aResetTimerFiresOnceAfterTheNewDelayAndNoStaleValueRemains() throws Exception {
        Timer t = Go.newTimer(Duration.ZERO);
        t.c().receive(); // fired
        assertThat(t.reset(Duration.ofMillis(10))).isFalse();
        assertThat(t.c().receive()).isNotNull();
        Timer u = Go.newTimer(Duration.ZERO);
        org.awaitility.Awaitility.await().until(() -> u.c().len() == 1);
        u.reset(Duration.ofHours(1)); // Go 1.23: the value from before reset is gone
        assertThat(u.c().tryReceive()).isNull();
        u.stop();
    }

    @Test
    void stoppingAFiredTimerWhoseValueIsUnreceivedDropsItAndReportsTrue() throws Exception {
        Timer t = Go.newTimer(Duration.ZERO);
        org.awaitility.Awaitility.await().until(() -> t.c().len() == 1);
        assertThat(t.stop()).as("Go 1.23: the undelivered value is dropped, stop reports true").isTrue();
        assertThat(t.c().tryReceive()).isNull();
        assertThat(t.stop()).isFalse();
    }

    @Test
    void aBadTickerResetLeavesTheTickerRunning() throws Exception {
        Ticker t = Go.tick(Duration.ofMillis(1));
        try {
            assertThatThrownBy(() -> t.reset(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThat(t.c().receive()).isNotNull();
        } finally {
            t.stop();
        }
    }

    @Test
    void distantTimeoutsSaturateInsteadOfOverflowing() throws Exception {
        Timer t = Go.newTimer(ChronoUnitMax.FOREVER);
        assertThat(t.stop()).isTrue();
        Channel<Integer> ch = Channel.make(1);
        assertThat(ch.trySend(1, ChronoUnitMax.FOREVER)).isTrue();
        assertThat(ch.tryReceive(ChronoUnitMax.FOREVER)).isEqualTo(1);
    }

    /** Durations beyond what fits in a long of nanoseconds. */
    private static final class ChronoUnitMax {
        static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE / 2);
    }

    @Test
    void aTickerDropsTicksForASlowReceiver() throws Exception {
        Ticker t = Go.tick(Duration.ofMillis(1));
        try {
            t.c().receive();
            // Let many periods pass without receiving: the buffer of one holds at most one tick.
            Thread.sleep(50); // the point of the test is to be slow, not to synchronise
            assertThat(t.c().len()).isLessThanOrEqualTo(1);
            Instant a = t.c().receive();
            Instant b = t.c().receive();
            assertThat(b).isAfterOrEqualTo(a);
        } finally {
            t.stop();
        }
        assertThat(t.c().tryReceive(Duration.ofMillis(20))).as("no tick after stop").isNull();
    }

    @Test
    void aTickerCanBeResetAndRejectsANonPositivePeriod() throws Exception {
        Ticker t = Go.tick(Duration.ofHours(1));
        t.reset(Duration.ofMillis(1));
        assertThat(t.c().receive()).isNotNull();
        t.stop();
        assertThatThrownBy(() -> Go.tick(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimerChannelWorksAsASelectCase() throws Exception {
        Channel<Integer> never = Channel.make();
        Timer t = Go.newTimer(Duration.ofMillis(5));
        assertThat(Go.<String>select(never.onReceive(v -> "value"), t.c().onReceive(x -> "timer"))).isEqualTo("timer");
    }
}
