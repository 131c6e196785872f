package io.chanflow.goport;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static io.chanflow.Go.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.Ticker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/nonblock.go}: non-blocking sends and receives (a select with a default) on
 * unbuffered and one-slot channels of several element types ({@code int32}, {@code int64}, {@code bool},
 * {@code string}; here {@code Integer}, {@code Long}, {@code Boolean}, {@code String}), each against a
 * goroutine doing the matching blocking operation.
 *
 * <p>As in Go, a non-blocking attempt that fails is retried up to {@code maxTries} times, waiting two ticks
 * of a fast ticker between attempts (Go: 10 µs; here 50 µs, served by Chanflow's own {@link Ticker}); the
 * retry loop is the test's way of letting the partner goroutine reach its blocking operation.
 */
@Timeout(60)
class NonblockTest {
    private static final int MAX_TRIES = 10_000;

    private Ticker ticker;

    /** Go's sleep(): two ticks, then three yields. */
    private void sleep() throws InterruptedException {
        ticker.c().receive();
        ticker.c().receive();
        Thread.yield();
        Thread.yield();
        Thread.yield();
    }

    /** Non-blocking send of {@code v}, retried until a receiver takes it. */
    private <T> void sendRetrying(Channel<T> c, T v, String who) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            if (select(c.onSend(v, () -> true), otherwise(() -> false))) {
                return;
            }
            if (attempt > MAX_TRIES) {
                throw new AssertionError(who + ": non-blocking send never succeeded");
            }
            sleep();
        }
    }

    /** Non-blocking receive, retried until a sender provides a value. */
    private <T> T receiveRetrying(Channel<T> c, String who) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            T v = select(c.onReceive(x -> x), otherwise(() -> null));
            if (v != null) {
                return v;
            }
            if (attempt > MAX_TRIES) {
                throw new AssertionError(who + ": non-blocking receive never succeeded");
            }
            sleep();
        }
    }

    /**
     * One element type: the channel is empty, so a non-blocking receive takes the default; a receiver
     * goroutine must get {@code toReceiver} through a non-blocking send; a sender goroutine's
     * {@code fromSender} must come out through a non-blocking receive.
     */
    private <T> void exercise(GoTestGoroutines g, Channel<T> c, T toReceiver, T fromSender, int buffer, String name)
            throws InterruptedException {
        Channel<Boolean> sync = Channel.make();
        AtomicReference<T> received = new AtomicReference<>();

        assertThat(select(c.onReceive(v -> "blocked " + name + " sender"), otherwise(() -> "default")))
                .isEqualTo("default");

        g.go(() -> {
            received.set(c.receive());
            sync.send(true);
        });
        sendRetrying(c, toReceiver, name + " receiver buffer=" + buffer);
        sync.receive();
        assertThat(received.get()).as("%s value", name).isEqualTo(toReceiver);

        g.go(() -> {
            c.send(fromSender);
            sync.send(true);
        });
        if (buffer > 0) {
            sync.receive();
        }
        T v = receiveRetrying(c, name + " sender buffer=" + buffer);
        assertThat(v).as("%s sender value", name).isEqualTo(fromSender);
        if (buffer == 0) {
            sync.receive();
        }
    }

    @ParameterizedTest(name = "buffer {0}")
    @ValueSource(ints = {0, 1})
    @Timeout(60)
    void nonBlockingOperationsMeetBlockingPartnersForEveryElementType(int buffer) throws Exception {
        ticker = tick(Duration.ofNanos(50_000));
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            exercise(g, Channel.make(buffer), 123, 234, buffer, "i32");
            exercise(g, Channel.make(buffer), 123456L, 234567L, buffer, "i64");
            exercise(g, Channel.make(buffer), true, true, buffer, "b");
            exercise(g, Channel.make(buffer), "hello", "hello again", buffer, "s");
            g.joinAll();
        } finally {
            ticker.stop();
        }
    }
}
