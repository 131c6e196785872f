package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.TestSupport.Outcome;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hand-offs on an unbuffered channel between plain operations, timed ones, non-blocking ones and selects:
 * FIFO between a waiting plain receiver and a select queued behind it, nothing left behind by a timeout,
 * interrupt or close, the lock-free "not ready" checks seeing a waiting partner, and exactly-once delivery
 * when all of them mix. (Written for ADR 0008's hand-off slot, which was measured and not adopted; the
 * rules hold for any engine.)
 */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class UnbufferedHandOffTest {

    @Test
    void aSelectQueuedBehindAWaitingReceiverIsServedAfterIt() throws Exception {
        Channel<Integer> ch = Channel.make();
        Channel<Integer> other = Channel.make();
        int[] got = new int[2];
        Thread first = go(() -> got[0] = ch.receive());
        awaitQueued(ch, 1);
        Thread second = go(() -> got[1] = Go.<Integer>select(ch.onReceive(v -> v), other.onReceive(v -> -v)));
        awaitQueued(ch, 2);
        ch.send(1);
        join(first);
        ch.send(2);
        join(second);
        assertThat(got).containsExactly(1, 2);
        assertThat(TestSupport.queued(ch)).isZero();
        assertThat(TestSupport.queued(other)).isZero();
    }

    @Test
    void aTimedOutOrInterruptedWaiterLeavesNothingBehind() throws Exception {
        Channel<Integer> ch = Channel.make();
        assertThat(ch.tryReceive(Duration.ofMillis(5))).isNull();
        assertThat(ch.trySend(1, Duration.ofMillis(5))).isFalse();
        assertThat(TestSupport.queued(ch)).isZero();
        assertThat(ch.trySend(9)).isFalse(); // nobody is waiting any more
        Outcome r = new Outcome(ch::receive);
        awaitQueued(ch, 1);
        r.thread.interrupt();
        assertThat(r.join()).isInstanceOf(InterruptedException.class);
        assertThat(TestSupport.queued(ch)).isZero();
        assertThat(ch.trySend(9)).isFalse();
        assertThat(ch.tryReceive()).isNull();
    }

    @Test
    void theNonBlockingOperationsSeeAWaitingPartner() throws Exception {
        Channel<Integer> ch = Channel.make();
        Thread sender = go(() -> ch.send(5));
        awaitQueued(ch, 1);
        assertThat(ch.trySend(6)).isFalse(); // a waiting sender is no receiver
        assertThat(Go.<Integer>select(ch.onReceive(v -> v), Go.otherwise(() -> -1))).isEqualTo(5);
        join(sender);
        int[] got = new int[1];
        Thread receiver = go(() -> got[0] = ch.receive());
        awaitQueued(ch, 1);
        assertThat(ch.tryReceive()).isNull(); // a waiting receiver is no sender
        assertThat(ch.trySend(7)).isTrue();
        join(receiver);
        assertThat(got[0]).isEqualTo(7);
    }

    @Test
    void closeWakesALoneWaiterOnEitherSide() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome sender = new Outcome(() -> ch.send(1));
        awaitQueued(ch, 1);
        ch.close();
        assertThat(sender.join()).isInstanceOf(ChannelClosedException.class).hasMessage("send on closed channel");
        Channel<Integer> ch2 = Channel.make();
        Received<?>[] got = new Received<?>[1];
        Thread receiver = go(() -> got[0] = ch2.receiveOk());
        awaitQueued(ch2, 1);
        ch2.close();
        join(receiver);
        assertThat(got[0].ok()).isFalse();
        assertThat(TestSupport.queued(ch)).isZero();
        assertThat(TestSupport.queued(ch2)).isZero();
    }

    /**
     * Four senders and four receivers, each choosing per operation among a plain blocking call, a timed
     * one, a non-blocking one retried, and a two-case select: every value arrives exactly once.
     */
    @Test
    void plainAndSelectOperationsMixedDeliverEveryValueExactlyOnce() throws Exception {
        Channel<Integer> ch = Channel.make();
        Channel<Integer> never = Channel.make();
        int perSender = 5_000;
        int senders = 4;
        AtomicInteger remaining = new AtomicInteger(senders * perSender);
        ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
        Thread[] threads = new Thread[2 * senders];
        for (int s = 0; s < senders; s++) {
            int base = s * perSender;
            threads[s] = go(() -> {
                for (int i = 0; i < perSender; i++) {
                    int v = base + i;
                    switch (ThreadLocalRandom.current().nextInt(4)) {
                        case 0 -> ch.send(v);
                        case 1 -> {
                            while (!ch.trySend(v, Duration.ofMillis(1))) {
                                // timed out: try again
                            }
                        }
                        case 2 -> {
                            while (!ch.trySend(v)) {
                                Thread.yield();
                            }
                        }
                        default -> select(ch.onSend(v, () -> {}), never.onReceive(x -> {
                            throw new AssertionError("never ready");
                        }));
                    }
                }
            });
        }
        for (int r = 0; r < senders; r++) {
            threads[senders + r] = go(() -> {
                while (remaining.getAndDecrement() > 0) {
                    Integer v = switch (ThreadLocalRandom.current().nextInt(3)) {
                        case 0 -> ch.receive();
                        case 1 -> {
                            Integer x;
                            while ((x = ch.tryReceive(Duration.ofMillis(1))) == null) {
                                // timed out: try again
                            }
                            yield x;
                        }
                        default -> Go.<Integer>select(ch.onReceive(x -> x), never.onReceive(x -> -1));
                    };
                    received.add(v);
                }
            });
        }
        for (Thread t : threads) {
            join(t);
        }
        boolean[] seen = new boolean[senders * perSender];
        for (int v : received) {
            assertThat(seen[v]).as("value %d twice", v).isFalse();
            seen[v] = true;
        }
        assertThat(received).hasSize(senders * perSender);
        assertThat(TestSupport.queued(ch)).isZero();
    }
}
