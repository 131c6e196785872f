package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.TestSupport.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test (or more) per channel rule 1-7 of shared/design/go-semantics.md, named after the rule. */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class ChannelRulesTest {

    // Rule 1 ---------------------------------------------------------------------------------------

    @Test
    void rule1_unbufferedSendCompletesOnlyWhenAReceiverHasTakenTheValue() throws Exception {
        Channel<String> ch = Channel.make();
        AtomicBoolean sent = new AtomicBoolean();
        Thread sender = go(() -> {
            ch.send("x");
            sent.set(true);
        });
        awaitQueued(ch, 1);
        assertThat(sent).isFalse();
        assertThat(ch.receive()).isEqualTo("x");
        join(sender);
        assertThat(sent).isTrue();
    }

    @Test
    void rule1_bufferedSendBlocksOnlyWhenTheBufferIsFull() throws Exception {
        Channel<Integer> ch = Channel.make(2);
        ch.send(1);
        ch.send(2);
        assertThat(ch.trySend(3)).isFalse();
        Thread sender = go(() -> ch.send(3));
        awaitQueued(ch, 1);
        assertThat(ch.receive()).isEqualTo(1);
        join(sender);
        assertThat(ch.len()).isEqualTo(2);
    }

    @Test
    void rule1_receiveBlocksOnlyWhenTheBufferIsEmpty() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        assertThat(ch.tryReceive()).isNull();
        ch.send(7);
        assertThat(ch.tryReceive()).isEqualTo(7);
    }

    @Test
    void rule1_negativeCapacityIsRejected() {
        assertThatThrownBy(() -> Channel.make(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void rule1_largestCapacityIsAcceptedAndAllocatedOnDemand() throws Exception {
        Channel<Integer> ch = Channel.make(Channel.MAX_CAPACITY);
        assertThat(ch.cap()).isEqualTo(Integer.MAX_VALUE - 8);
        for (int i = 0; i < 100; i++) {
            ch.send(i);
        }
        assertThat(ch.len()).isEqualTo(100);
        assertThat(ch.receive()).isZero();
    }

    @Test
    void rule1_capacityAboveTheLargestIsRejected() {
        assertThatThrownBy(() -> Channel.make(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum");
    }

    // Rule 2 ---------------------------------------------------------------------------------------

    @Test
    void rule2_lenIsTheNumberBufferedAndCapTheBufferSize() throws Exception {
        Channel<Integer> unbuffered = Channel.make();
        assertThat(unbuffered.len()).isZero();
        assertThat(unbuffered.cap()).isZero();
        Channel<Integer> ch = Channel.make(3);
        ch.send(1);
        ch.send(2);
        assertThat(ch.len()).isEqualTo(2);
        assertThat(ch.cap()).isEqualTo(3);
        ch.receive();
        assertThat(ch.len()).isEqualTo(1);
        assertThat(Channel.nil().len()).isZero();
        assertThat(Channel.nil().cap()).isZero();
    }

    // Rule 3 ---------------------------------------------------------------------------------------

    @Test
    void rule3_fifoHoldsAcrossTheBufferAndTheBlockedSenders() throws Exception {
        Channel<Integer> ch = Channel.make(2);
        ch.send(0);
        ch.send(1);
        List<Thread> senders = new ArrayList<>();
        for (int i = 2; i < 6; i++) {
            int v = i;
            senders.add(go(() -> ch.send(v)));
            awaitQueued(ch, i - 1); // senders block one after another, in this order
        }
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(ch.receive());
        }
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5);
        for (Thread t : senders) {
            join(t);
        }
    }

    @Test
    void rule3_blockedReceiversAreServedFirstComeFirstServed() throws Exception {
        Channel<Integer> ch = Channel.make();
        int n = 5;
        Integer[] got = new Integer[n];
        List<Thread> receivers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            receivers.add(go(() -> got[k] = ch.receive()));
            awaitQueued(ch, i + 1);
        }
        for (int i = 0; i < n; i++) {
            ch.send(100 + i);
        }
        for (Thread t : receivers) {
            join(t);
        }
        assertThat(got).containsExactly(100, 101, 102, 103, 104);
    }

    @Test
    void rule3_blockedSendersAreServedFirstComeFirstServedOnAnUnbufferedChannel() throws Exception {
        Channel<Integer> ch = Channel.make();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int v = i;
            senders.add(go(() -> ch.send(v)));
            awaitQueued(ch, i + 1);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(ch.receive()).isEqualTo(i);
        }
        for (Thread t : senders) {
            join(t);
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 2, 10, 1000})
    void rule3_eachValueIsReceivedExactlyOnceAndInOrderPerSender(int capacity) throws Exception {
        Channel<Integer> ch = Channel.make(capacity);
        int senders = 4;
        int receivers = 4;
        int perSender = 20_000;
        AtomicIntegerArray seen = new AtomicIntegerArray(senders * perSender);
        List<Thread> ss = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int base = s * perSender;
            ss.add(go(() -> {
                for (int i = 0; i < perSender; i++) {
                    ch.send(base + i);
                }
            }));
        }
        ConcurrentLinkedQueue<String> orderViolations = new ConcurrentLinkedQueue<>();
        List<Thread> rs = new ArrayList<>();
        for (int r = 0; r < receivers; r++) {
            rs.add(go(() -> {
                int[] last = new int[senders];
                java.util.Arrays.fill(last, -1);
                for (Integer v : ch) {
                    seen.incrementAndGet(v);
                    int s = v / perSender;
                    if (v <= last[s]) {
                        orderViolations.add(v + " after " + last[s]);
                    }
                    last[s] = v;
                }
            }));
        }
        for (Thread t : ss) {
            join(t);
        }
        ch.close();
        for (Thread t : rs) {
            join(t);
        }
        for (int i = 0; i < seen.length(); i++) {
            assertThat(seen.get(i)).as("times value %d was received", i).isEqualTo(1);
        }
        assertThat(orderViolations).as("a receiver saw one sender's values out of order").isEmpty();
    }

    // Rule 4 ---------------------------------------------------------------------------------------

    static final class Box {
        int plain; // deliberately not volatile: visibility must come from the channel
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 16})
    void rule4_aSendHappensBeforeTheReceiveThatGetsItsValue(int capacity) throws Exception {
        Channel<Box> ch = Channel.make(capacity);
        int n = 50_000;
        Thread sender = go(() -> {
            for (int i = 1; i <= n; i++) {
                Box b = new Box();
                b.plain = i;
                ch.send(b);
            }
            ch.close();
        });
        int expected = 1;
        for (Box b : ch) {
            assertThat(b.plain).isEqualTo(expected++);
        }
        join(sender);
    }

    @Test
    void rule4_onAnUnbufferedChannelTheReceiveHappensBeforeTheSendCompletes() throws Exception {
        Channel<Integer> ch = Channel.make();
        int[] written = new int[1];
        Thread receiver = go(() -> {
            for (int i = 1; i <= 10_000; i++) {
                written[0] = i; // written before the receive; the sender must see it after send returns
                ch.receive();
            }
        });
        for (int i = 1; i <= 10_000; i++) {
            ch.send(i);
            assertThat(written[0]).isGreaterThanOrEqualTo(i);
        }
        join(receiver);
    }

    // Rule 5 ---------------------------------------------------------------------------------------

    @Test
    void rule5_closeStillDeliversBufferedValuesInOrderThenReportsClosedForEver() throws Exception {
        Channel<Integer> ch = Channel.make(3);
        ch.send(1);
        ch.send(2);
        ch.close();
        assertThat(ch.receive()).isEqualTo(1);
        assertThat(ch.receiveOk()).isEqualTo(new Received<>(2, true));
        for (int i = 0; i < 3; i++) {
            assertThat(ch.receiveOk()).isEqualTo(Received.closed());
            assertThat(ch.tryReceiveOk()).isEqualTo(Received.closed());
            assertThatThrownBy(ch::receive)
                    .isInstanceOf(ChannelClosedException.class)
                    .hasMessage("receive from closed channel");
            assertThatThrownBy(ch::tryReceive).isInstanceOf(ChannelClosedException.class);
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 3})
    void rule5_closeWakesEveryBlockedReceiver(int capacity) throws Exception {
        Channel<Integer> ch = Channel.make(capacity);
        List<Received<Integer>> results = new CopyOnWriteArrayList<>();
        List<Thread> receivers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            receivers.add(go(() -> results.add(ch.receiveOk())));
        }
        awaitQueued(ch, 5);
        ch.close();
        for (Thread t : receivers) {
            join(t);
        }
        assertThat(results).hasSize(5).allMatch(r -> !r.ok());
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void rule5_closeWakesEveryBlockedSenderWhichThenFails(int capacity) throws Exception {
        Channel<Integer> ch = Channel.make(capacity);
        for (int i = 0; i < capacity; i++) {
            ch.send(-1);
        }
        List<Outcome> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int v = i;
            senders.add(new Outcome(() -> ch.send(v)));
        }
        awaitQueued(ch, 4);
        ch.close();
        for (Outcome o : senders) {
            assertThat(o.join())
                    .isInstanceOf(ChannelClosedException.class)
                    .hasMessage("send on closed channel");
        }
        // The blocked values were not delivered; the buffered ones still are.
        for (int i = 0; i < capacity; i++) {
            assertThat(ch.receive()).isEqualTo(-1);
        }
        assertThat(ch.receiveOk().ok()).isFalse();
    }

    @Test
    void rule5_sendOnAClosedChannelFailsEvenTheNonBlockingForm() {
        Channel<Integer> ch = Channel.make(10);
        ch.close();
        assertThatThrownBy(() -> ch.send(1))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("send on closed channel");
        assertThatThrownBy(() -> ch.trySend(1))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("send on closed channel");
        assertThatThrownBy(() -> ch.trySend(1, java.time.Duration.ofSeconds(1)))
                .isInstanceOf(ChannelClosedException.class);
        assertThat(ch.len()).isZero();
    }

    @Test
    void rule5_closingTwiceFails() {
        Channel<Integer> ch = Channel.make();
        ch.close();
        assertThatThrownBy(ch::close)
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("close of closed channel");
        assertThatThrownBy(() -> ch.close(new IOException()))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("close of closed channel");
    }

    @Test
    void rule5_closingTheNilChannelFails() {
        assertThatThrownBy(() -> Channel.nil().close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("close of nil channel");
    }

    // Rule 6 ---------------------------------------------------------------------------------------

    @Test
    void rule6_nilChannelSendAndReceiveBlockUntilInterrupted() throws Exception {
        Channel<Integer> nil = Channel.nil();
        Outcome sender = new Outcome(() -> nil.send(1));
        Outcome receiver = new Outcome(nil::receive);
        TestSupport.awaitParked(sender.thread);
        TestSupport.awaitParked(receiver.thread);
        sender.thread.interrupt();
        receiver.thread.interrupt();
        assertThat(sender.join()).isInstanceOf(InterruptedException.class);
        assertThat(receiver.join()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void rule6_nilChannelNonBlockingOperationsNeverSucceed() throws Exception {
        Channel<Integer> nil = Channel.nil();
        assertThat(nil.trySend(1)).isFalse();
        assertThat(nil.tryReceive()).isNull();
        assertThat(nil.tryReceiveOk()).isNull();
        assertThat(nil.tryReceive(java.time.Duration.ofMillis(1))).isNull();
        assertThat(nil.trySend(1, java.time.Duration.ofMillis(1))).isFalse();
    }

    // Rule 7 ---------------------------------------------------------------------------------------

    @Test
    void rule7_closeWithACauseDrainsTheBufferThenReportsTheCause() throws Exception {
        Channel<Integer> ch = Channel.make(2);
        IOException disk = new IOException("disk");
        ch.send(1);
        ch.close(disk);
        assertThat(ch.receive()).isEqualTo(1);
        assertThatThrownBy(ch::receive).isInstanceOf(ChannelClosedException.class).hasCause(disk);
        assertThat(ch.receiveOk()).isEqualTo(new Received<>(null, false, disk));
        assertThat(ch.tryReceiveOk().cause()).isSameAs(disk);
        assertThat(Go.<Throwable>select(ch.onReceiveOk(Received::cause))).isSameAs(disk);
        assertThatThrownBy(() -> ch.send(2)).isInstanceOf(ChannelClosedException.class).hasCause(disk);
    }

    @Test
    void rule7_iterationRethrowsTheCauseAfterTheBufferedValues() throws Exception {
        Channel<Integer> ch = Channel.make(2);
        IOException disk = new IOException("disk");
        ch.send(1);
        ch.send(2);
        ch.close(disk);
        List<Integer> got = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (int v : ch) {
                got.add(v);
            }
        }).isInstanceOf(ChannelClosedException.class).hasCause(disk);
        assertThat(got).containsExactly(1, 2);
    }

    // Range, stream, views, bad input ----------------------------------------------------------------

    @Test
    void rangeEndsWhenTheChannelIsClosedAndDrained() throws Exception {
        Channel<Integer> ch = Channel.make();
        go(() -> {
            for (int i = 0; i < 5; i++) {
                ch.send(i);
            }
            ch.close();
        });
        List<Integer> got = new ArrayList<>();
        for (int v : ch) {
            got.add(v);
        }
        assertThat(got).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void streamYieldsTheValuesUntilClose() {
        Channel<Integer> ch = Channel.make(10);
        go(() -> {
            for (int i = 1; i <= 10; i++) {
                ch.send(i);
            }
            ch.close();
        });
        assertThat(ch.stream().mapToInt(Integer::intValue).sum()).isEqualTo(55);
    }

    @Test
    void directionalViewsExposeOnlyTheirDirectionAndCannotBeCastBack() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        SendChannel<Integer> out = ch.sendOnly();
        ReceiveChannel<Integer> in = ch.receiveOnly();
        assertThat(out).isNotInstanceOf(ReceiveChannel.class);
        assertThat(in).isNotInstanceOf(SendChannel.class);
        out.send(5);
        assertThat(in.len()).isEqualTo(1);
        assertThat(in.receive()).isEqualTo(5);
        out.close();
        assertThat(in.receiveOk().ok()).isFalse();
    }

    @Test
    void nullElementsAreRejected() {
        Channel<Integer> ch = Channel.make(1);
        assertThatThrownBy(() -> ch.send(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ch.trySend(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ch.onSend(null, () -> 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ch.close(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Channel.<Integer>nil().send(null)).isInstanceOf(NullPointerException.class);
        assertThat(ch.len()).isZero();
    }

    // Java extras: closed queries and the closing signal --------------------------------------------

    @Test
    void closedQueriesDistinguishClosedFromClosedAndDrained() throws Exception {
        Channel<Integer> ch = Channel.make(2);
        assertThat(ch.isClosedForSend()).isFalse();
        ch.send(1);
        ch.close();
        assertThat(ch.isClosedForSend()).isTrue();
        assertThat(ch.isClosedForReceive()).as("a value is still buffered").isFalse();
        assertThat(ch.receive()).isEqualTo(1);
        assertThat(ch.isClosedForReceive()).isTrue();
        assertThat(ch.receiveOnly().isClosedForReceive()).isTrue();
        assertThat(ch.sendOnly().isClosedForSend()).isTrue();
        assertThat(Channel.nil().isClosedForReceive()).isFalse();
    }

    @Test
    void theClosingSignalFiresOnCloseWithoutTakingAValue() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        Done closing = ch.closing();
        assertThat(closing.isDone()).isFalse();
        ch.send(7);
        Thread waiter = go(closing::await);
        ch.close();
        join(waiter);
        assertThat(closing.isDone()).isTrue();
        assertThat(ch.closing().isDone()).as("asked after the close").isTrue();
        assertThat(ch.receive()).as("the buffered value was not taken").isEqualTo(7);
        assertThat(Go.<String>select(Channel.nil().closing().onDone(() -> "closed"), Go.otherwise(() -> "never")))
                .isEqualTo("never");
    }

    @Test
    void nonBlockingOperationsNeverParkOnTheChannelLock() throws Exception {
        // A thread that holds the lock (here: the test, through the package-private lock) must make
        // trySend spin, not park: a parked caller would show state WAITING.
        Chan<Integer> ch = (Chan<Integer>) Channel.<Integer>make(1);
        ch.lock();
        Thread t;
        try {
            t = Thread.ofPlatform().start(() -> ch.trySend(1));
            org.awaitility.Awaitility.await().until(() -> t.getState() != Thread.State.NEW);
            for (int i = 0; i < 1000; i++) {
                assertThat(t.getState()).isNotIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
                Thread.onSpinWait();
            }
        } finally {
            ch.unlock();
        }
        t.join();
        assertThat(ch.len()).isEqualTo(1);
    }
}
