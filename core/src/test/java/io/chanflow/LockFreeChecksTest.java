package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The non-blocking operations answer "not ready" (and a drained closed channel's "closed") without taking
 * the channel lock, as Go's chanrecv/chansend fast paths do (Chan's class comment, "Lock-free not ready
 * checks"). These tests pin down that the shortcut never changes an answer: a queued partner, a buffered
 * value or a close is always seen.
 */
@Timeout(120)
@ExtendWith(LeakCheckExtension.class)
class LockFreeChecksTest {

    @Test
    void tryReceiveTakesTheValueOfASenderQueuedOnAnUnbufferedChannel() throws Exception {
        Channel<String> ch = Channel.make();
        Thread sender = go(() -> ch.send("x"));
        awaitQueued(ch, 1);
        assertThat(ch.tryReceive()).isEqualTo("x");
        join(sender);
        assertThat(ch.tryReceive()).isNull();
    }

    @Test
    void trySendHandsTheValueToAReceiverQueuedOnAnUnbufferedChannel() throws Exception {
        Channel<String> ch = Channel.make();
        String[] got = new String[1];
        Thread receiver = go(() -> got[0] = ch.receive());
        awaitQueued(ch, 1);
        assertThat(ch.trySend("x")).isTrue();
        join(receiver);
        assertThat(got[0]).isEqualTo("x");
        assertThat(ch.trySend("y")).isFalse();
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 4})
    void trySendOnAClosedFullChannelFailsInsteadOfReportingNotReady(int capacity) {
        Channel<Integer> ch = Channel.make(capacity);
        for (int i = 0; i < capacity; i++) {
            assertThat(ch.trySend(i)).isTrue();
        }
        assertThat(ch.trySend(99)).isFalse(); // full (or no receiver), open: not ready
        ch.close();
        assertThatThrownBy(() -> ch.trySend(99)).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void aClosedChannelReportsItsBufferedValuesBeforeClosedAndThenTheCause() {
        Channel<Integer> ch = Channel.make(2);
        ch.trySend(1);
        ch.trySend(2);
        IllegalStateException why = new IllegalStateException("why");
        ch.close(why);
        assertThat(ch.isClosedForSend()).isTrue();
        assertThat(ch.isClosedForReceive()).isFalse();
        assertThat(ch.len()).isEqualTo(2);
        assertThat(ch.tryReceiveOk()).isEqualTo(new Received<>(1, true));
        assertThat(ch.tryReceive()).isEqualTo(2);
        assertThat(ch.isClosedForReceive()).isTrue();
        Received<Integer> closed = ch.tryReceiveOk();
        assertThat(closed.ok()).isFalse();
        assertThat(closed.cause()).isSameAs(why);
        assertThatThrownBy(ch::tryReceive).isInstanceOf(ChannelClosedException.class).hasCause(why);
    }

    @Test
    void anOpenChannelHasNoCauseAndAnEmptyOneIsNotReady() {
        Channel<Integer> ch = Channel.make(1);
        assertThat(ch.tryReceiveOk()).isNull();
        assertThat(ch.isClosedForReceive()).isFalse();
        assertThat(ch.len()).isZero();
    }

    /**
     * Exactly once under races: producers push with trySend (retrying while full), consumers poll with
     * tryReceive (retrying while empty), all on the lock-free "not ready" paths most of the time; the last
     * producer closes, and a consumer stops only at "closed", which must come after every value.
     */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 16})
    void tryOperationsRacingDeliverEveryValueExactlyOnceAndClosedOnlyAfterTheLast(int capacity)
            throws Exception {
        int producers = 2;
        int consumers = 2;
        int perProducer = 200_000;
        Channel<Integer> ch = Channel.make(capacity);
        AtomicIntegerArray seen = new AtomicIntegerArray(producers * perProducer);
        CyclicBarrier start = new CyclicBarrier(producers + consumers);
        AtomicInteger producing = new AtomicInteger(producers);
        Thread[] threads = new Thread[producers + consumers];
        for (int p = 0; p < producers; p++) {
            int base = p * perProducer;
            threads[p] = go(() -> {
                start.await();
                for (int i = 0; i < perProducer; i++) {
                    while (!ch.trySend(base + i)) {
                        Thread.yield(); // never spin on a carrier the partner may need
                    }
                }
                if (producing.decrementAndGet() == 0) {
                    ch.close();
                }
            });
        }
        for (int c = 0; c < consumers; c++) {
            threads[producers + c] = go(() -> {
                start.await();
                pollUntilClosed(ch, seen);
            });
        }
        for (Thread t : threads) {
            join(t);
        }
        BitSet wrong = new BitSet();
        for (int i = 0; i < seen.length(); i++) {
            if (seen.get(i) != 1) {
                wrong.set(i);
            }
        }
        assertThat(wrong.toString()).as("values not received exactly once").isEqualTo("{}");
    }

    /**
     * Unbuffered: blocked senders against consumers that only poll. Every value a sender handed over is
     * received once; closed is reported only after the senders are done.
     */
    @Test
    void pollingReceiversTakeEveryValueOfBlockedSendersExactlyOnce() throws Exception {
        int senders = 2;
        int perSender = 50_000;
        Channel<Integer> ch = Channel.make();
        AtomicIntegerArray seen = new AtomicIntegerArray(senders * perSender);
        AtomicInteger sending = new AtomicInteger(senders);
        Thread[] threads = new Thread[senders + 1];
        for (int s = 0; s < senders; s++) {
            int base = s * perSender;
            threads[s] = go(() -> {
                for (int i = 0; i < perSender; i++) {
                    ch.send(base + i);
                }
                if (sending.decrementAndGet() == 0) {
                    ch.close();
                }
            });
        }
        threads[senders] = go(() -> pollUntilClosed(ch, seen));
        for (Thread t : threads) {
            join(t);
        }
        for (int i = 0; i < seen.length(); i++) {
            assertThat(seen.get(i)).as("value %d", i).isEqualTo(1);
        }
    }

    /** Only non-blocking receives: counts each value in seen, returns at "closed". */
    private static void pollUntilClosed(Channel<Integer> ch, AtomicIntegerArray seen) {
        while (true) {
            Received<Integer> r = ch.tryReceiveOk();
            if (r == null) {
                Thread.yield(); // never spin on a carrier the senders may need
                continue;
            }
            if (!r.ok()) {
                return;
            }
            seen.incrementAndGet(r.value());
        }
    }
}
