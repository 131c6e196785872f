package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Buffered channels up to {@link Ring#MAX} send and receive through a lock-free ring when nobody waits
 * (Ring's class comment); larger ones keep a buffer grown under the lock. These tests pin down that the
 * fast paths never change what Go's rules promise: FIFO across the buffer and the wait queues (rule 3),
 * exactly-once delivery under races, close and len.
 */
@Timeout(120)
@ExtendWith(LeakCheckExtension.class)
class RingFastPathTest {

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3, 16, 100, Ring.MAX, Ring.MAX + 1})
    void valuesComeOutInOrderOverManyLapsOfTheBuffer(int capacity) throws Exception {
        Channel<Integer> ch = Channel.make(capacity);
        int next = 0;
        int expected = 0;
        // Fill to varying depths and drain partly, so head and tail wrap many times at every offset.
        for (int round = 0; round < 2_000; round++) {
            int depth = 1 + round % Math.min(capacity, 7);
            for (int i = 0; i < depth && ch.len() < capacity; i++) {
                assertThat(ch.trySend(next++)).isTrue();
            }
            assertThat(ch.len()).isBetween(1, capacity);
            int take = 1 + round % 5;
            for (int i = 0; i < take; i++) {
                Integer v = ch.tryReceive();
                if (v == null) {
                    break;
                }
                assertThat(v).isEqualTo(expected++);
            }
        }
        while (ch.len() > 0) {
            assertThat(ch.receive()).isEqualTo(expected++);
        }
        assertThat(expected).isEqualTo(next);
        assertThat(ch.tryReceive()).isNull();
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3, Ring.MAX + 1})
    void aFullBufferStaysFullUntilTheBlockedSenderIsMovedIn(int capacity) throws Exception {
        // Rule 3: when a receive frees a slot of a full buffer, the oldest blocked sender's value goes to
        // the tail at once, so a later trySend finds the buffer full again and cannot overtake it.
        Channel<Integer> ch = Channel.make(capacity);
        for (int i = 0; i < capacity; i++) {
            ch.send(i);
        }
        Thread blocked = go(() -> ch.send(-1));
        awaitQueued(ch, 1);
        assertThat(ch.receive()).isEqualTo(0);
        join(blocked);
        assertThat(ch.trySend(-2)).isFalse();
        assertThat(ch.len()).isEqualTo(capacity);
        for (int i = 1; i < capacity; i++) {
            assertThat(ch.receive()).isEqualTo(i);
        }
        assertThat(ch.receive()).isEqualTo(-1);
        assertThat(ch.tryReceive()).isNull();
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3, Ring.MAX + 1})
    void aValueSentWhileAReceiverWaitsGoesToThatReceiverNotToTheBuffer(int capacity) throws Exception {
        Channel<Integer> ch = Channel.make(capacity);
        Integer[] got = new Integer[1];
        Thread receiver = go(() -> got[0] = ch.receive());
        awaitQueued(ch, 1);
        assertThat(ch.trySend(7)).isTrue();
        assertThat(ch.tryReceive()).isNull(); // the waiting receiver had it, not a later tryReceive
        join(receiver);
        assertThat(got[0]).isEqualTo(7);
        assertThat(ch.len()).isZero();
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {2, 5})
    void closeKeepsBufferedValuesThenReportsClosedAndSendsFail(int capacity) throws Exception {
        Channel<Integer> ch = Channel.make(capacity);
        ch.send(1);
        ch.send(2);
        ch.close();
        assertThatThrownBy(() -> ch.trySend(3)).isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(() -> ch.send(3)).isInstanceOf(ChannelClosedException.class);
        assertThat(ch.isClosedForReceive()).isFalse();
        assertThat(ch.len()).isEqualTo(2);
        assertThat(ch.tryReceive()).isEqualTo(1);
        assertThat(ch.receive()).isEqualTo(2);
        assertThat(ch.isClosedForReceive()).isTrue();
        assertThat(ch.receiveOk().ok()).isFalse();
        assertThatThrownBy(ch::tryReceive).isInstanceOf(ChannelClosedException.class);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3, 64})
    void everyValueIsReceivedExactlyOnceAndInEachSendersOrder(int capacity) throws Exception {
        // Four senders and four receivers, half of each using the non-blocking forms, on a small buffer:
        // the fast paths, the locked paths and the hand-offs between them all race.
        int senders = 4;
        int perSender = 50_000;
        Channel<Integer> ch = Channel.make(capacity);
        AtomicIntegerArray seen = new AtomicIntegerArray(senders * perSender);
        CyclicBarrier start = new CyclicBarrier(2 * senders);
        List<Thread> threads = new ArrayList<>();
        List<List<Integer>> received = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int base = s * perSender;
            boolean polling = s % 2 == 0;
            threads.add(go(() -> {
                start.await();
                for (int i = 0; i < perSender; i++) {
                    if (polling) {
                        while (!ch.trySend(base + i)) {
                            Thread.yield();
                        }
                    } else {
                        ch.send(base + i);
                    }
                }
            }));
        }
        for (int r = 0; r < senders; r++) {
            List<Integer> mine = new ArrayList<>();
            received.add(mine);
            boolean polling = r % 2 == 1;
            threads.add(go(() -> {
                start.await();
                while (true) {
                    Integer v;
                    if (polling) {
                        Received<Integer> got = ch.tryReceiveOk();
                        if (got == null) {
                            Thread.yield();
                            continue;
                        }
                        if (!got.ok()) {
                            return;
                        }
                        v = got.value();
                    } else {
                        Received<Integer> got = ch.receiveOk();
                        if (!got.ok()) {
                            return;
                        }
                        v = got.value();
                    }
                    mine.add(v);
                    seen.incrementAndGet(v);
                }
            }));
        }
        for (int s = 0; s < senders; s++) {
            join(threads.get(s));
        }
        ch.close();
        for (int r = 0; r < senders; r++) {
            join(threads.get(senders + r));
        }
        for (int i = 0; i < senders * perSender; i++) {
            assertThat(seen.get(i)).as("times value %d was received", i).isEqualTo(1);
        }
        for (List<Integer> mine : received) {
            int[] last = new int[senders];
            java.util.Arrays.fill(last, -1);
            for (int v : mine) {
                int s = v / perSender;
                assertThat(v).as("values of sender %d out of order", s).isGreaterThan(last[s]);
                last[s] = v;
            }
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 4})
    void aHeldChannelLockShutsOutTheFastPaths(int capacity) throws Exception {
        // What rule 11 rests on: while a select (here: the test) holds a channel's lock, no send or receive
        // changes its buffer, so readiness judged under the locks is judged at one instant.
        Chan<Integer> ch = (Chan<Integer>) Channel.<Integer>make(capacity);
        Chan<Integer> full = (Chan<Integer>) Channel.<Integer>make(capacity);
        for (int i = 0; i < capacity; i++) {
            full.send(i);
        }
        ch.lock();
        full.lock();
        Thread sender;
        Thread receiver;
        try {
            sender = Thread.ofPlatform().start(() -> ch.trySend(1));
            receiver = Thread.ofPlatform().start(full::tryReceive);
            for (int i = 0; i < 1000; i++) {
                assertThat(ch.len()).isZero();
                assertThat(full.len()).isEqualTo(capacity);
                assertThat(sender.isAlive() && receiver.isAlive()).isTrue();
                Thread.onSpinWait();
            }
        } finally {
            full.unlock();
            ch.unlock();
        }
        sender.join();
        receiver.join();
        assertThat(ch.len()).isEqualTo(1);
        assertThat(full.len()).isEqualTo(capacity - 1);
    }

    @Test
    void lenNeverLeavesZeroToCapacityWhileValuesRace() throws Exception {
        Channel<Integer> ch = Channel.make(4);
        int n = 100_000;
        Thread producer = go(() -> {
            for (int i = 0; i < n; i++) {
                ch.send(i);
            }
            ch.close();
        });
        Thread consumer = go(() -> {
            for (Integer ignored : ch) {
                // drain
            }
        });
        while (producer.isAlive() || consumer.isAlive()) {
            assertThat(ch.len()).isBetween(0, 4);
            Thread.yield();
        }
        join(producer);
        join(consumer);
        assertThat(ch.len()).isZero();
    }
}
