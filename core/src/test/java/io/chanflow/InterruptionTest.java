package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.TestSupport.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java mapping of blocking: an interrupted operation has either fully happened (and returns) or not
 * happened at all (and throws InterruptedException), never half.
 */
@Timeout(120)
@ExtendWith(LeakCheckExtension.class)
class InterruptionTest {

    @Test
    void anInterruptedBlockedSendHasNoEffect() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome sender = new Outcome(() -> ch.send(1));
        awaitQueued(ch, 1);
        sender.thread.interrupt();
        assertThat(sender.join()).isInstanceOf(InterruptedException.class);
        assertThat(TestSupport.queued(ch)).isZero();
        assertThat(ch.tryReceive()).as("the interrupted send must not be delivered").isNull();
    }

    @Test
    void anInterruptedBlockedReceiveTakesNothing() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome receiver = new Outcome(ch::receive);
        awaitQueued(ch, 1);
        receiver.thread.interrupt();
        assertThat(receiver.join()).isInstanceOf(InterruptedException.class);
        assertThat(ch.trySend(1)).as("no receiver may be left waiting").isFalse();
    }

    @Test
    void aBlockingOperationThrowsAtOnceWhenInterruptedOnEntry() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> ch.send(1)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("the status is cleared").isFalse();
        assertThat(ch.len()).isZero();
    }

    @Test
    void anInterruptedSelectCompletesNoCase() throws Exception {
        Channel<Integer> a = Channel.make();
        Channel<Integer> b = Channel.make();
        Outcome sel = new Outcome(() -> select(a.onReceive(v -> v), b.onSend(1, () -> 0)));
        awaitQueued(a, 1);
        awaitQueued(b, 1);
        sel.thread.interrupt();
        assertThat(sel.join()).isInstanceOf(InterruptedException.class);
        assertThat(TestSupport.queued(a)).isZero();
        assertThat(TestSupport.queued(b)).isZero();
        assertThat(a.trySend(1)).isFalse();
        assertThat(b.tryReceive()).isNull();
    }

    @Test
    void iterationReportsAnInterruptWithTheStatusSetAgain() throws Exception {
        Channel<Integer> ch = Channel.make();
        AtomicBoolean statusSet = new AtomicBoolean();
        Outcome ranger = new Outcome(() -> {
            try {
                for (int ignored : ch) {
                    throw new AssertionError("no value was sent");
                }
            } catch (ChannelInterruptedException e) {
                statusSet.set(Thread.currentThread().isInterrupted());
                throw e;
            }
        });
        awaitQueued(ch, 1);
        ranger.thread.interrupt();
        assertThat(ranger.join()).isInstanceOf(ChannelInterruptedException.class);
        assertThat(statusSet).isTrue();
    }

    /**
     * Senders and receivers (plain and select) run while a chaos goroutine interrupts them at random moments.
     * Every send that returned normally must be received exactly once; every send that threw
     * InterruptedException must never be received.
     */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 16})
    void interruptsAtRandomMomentsNeverLoseOrDuplicateAValue(int capacity) throws Exception {
        Channel<Integer> ch = Channel.make(capacity);
        Channel<Integer> spare = Channel.make(); // only so receivers can select between two channels
        int senders = 4;
        int receivers = 4;
        int perSender = 5_000;
        int total = senders * perSender;
        AtomicIntegerArray sendOutcome = new AtomicIntegerArray(total); // 1 sent, 2 interrupted
        AtomicIntegerArray receivedCount = new AtomicIntegerArray(total);
        AtomicLong interruptsFired = new AtomicLong();
        java.util.concurrent.CountDownLatch chaosStarted = new java.util.concurrent.CountDownLatch(1);
        List<Thread> ss = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int base = s * perSender;
            ss.add(go(() -> {
                // Start only once the chaos goroutine is firing: a sender interrupted while it waits here
                // fails its first send, so interrupted sends are certain, not left to scheduling luck.
                // (A park, not a spin: yielding senders could starve the chaos goroutine of a carrier.)
                try {
                    chaosStarted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // keep it: this sender's first send must fail
                }
                for (int i = 0; i < perSender; i++) {
                    int v = base + i;
                    try {
                        if ((v & 1) == 0) {
                            ch.send(v);
                        } else {
                            select(ch.onSend(v, () -> {}));
                        }
                        sendOutcome.set(v, 1);
                    } catch (InterruptedException e) {
                        sendOutcome.set(v, 2);
                    }
                }
                Thread.interrupted(); // a late interrupt must not leak into the join below
            }));
        }
        List<Thread> rs = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int r = 0; r < receivers; r++) {
            int id = r;
            rs.add(go(() -> {
                while (true) {
                    try {
                        Received<Integer> got = (id & 1) == 0
                                ? ch.receiveOk()
                                : select(ch.onReceiveOk(x -> x), spare.onReceiveOk(x -> x));
                        if (!got.ok()) {
                            return;
                        }
                        receivedCount.incrementAndGet(got.value());
                    } catch (InterruptedException e) {
                        // not received: try again
                    }
                }
            }));
        }
        List<Thread> all = new ArrayList<>(ss);
        all.addAll(rs);
        Thread chaos = go(() -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!stop.get()) {
                all.get(rnd.nextInt(all.size())).interrupt();
                if (interruptsFired.incrementAndGet() == 100) {
                    chaosStarted.countDown();
                }
                for (int spin = rnd.nextInt(2_000); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
                Thread.yield();
            }
        });
        for (Thread t : ss) {
            join(t);
        }
        stop.set(true);
        join(chaos);
        ch.close();
        for (Thread t : rs) {
            join(t);
        }
        int sent = 0;
        int interrupted = 0;
        for (int v = 0; v < total; v++) {
            int outcome = sendOutcome.get(v);
            assertThat(outcome).as("value %d has an outcome", v).isIn(1, 2);
            if (outcome == 1) {
                sent++;
                assertThat(receivedCount.get(v)).as("sent value %d received exactly once", v).isEqualTo(1);
            } else {
                interrupted++;
                assertThat(receivedCount.get(v)).as("unsent value %d never received", v).isZero();
            }
        }
        assertThat(sent + interrupted).isEqualTo(total);
        assertThat(interruptsFired.get()).isPositive();
        assertThat(interrupted).as("some sends were interrupted (else the test proves little)").isPositive();
        assertThat(TestSupport.queued(ch)).isZero();
    }

    @Test
    void aHandOffRacingAnInterruptIsWholeEitherWay() throws Exception {
        // Repeated: the hand-off and the interrupt race; either outcome must be whole.
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            Channel<Integer> ch = Channel.make();
            AtomicBoolean got = new AtomicBoolean();
            AtomicBoolean statusKept = new AtomicBoolean();
            AtomicBoolean handedOver = new AtomicBoolean();
            Outcome receiver = new Outcome(() -> {
                ch.receive();
                got.set(true);
                statusKept.set(Thread.currentThread().isInterrupted());
            });
            awaitQueued(ch, 1);
            Thread sender = go(() -> handedOver.set(ch.trySend(1)));
            receiver.thread.interrupt();
            join(sender);
            Throwable t = receiver.join();
            assertThat(got.get()).as("received exactly when handed over").isEqualTo(handedOver.get());
            if (t instanceof InterruptedException) {
                outcomes.merge("interrupted", 1, Integer::sum);
            } else {
                assertThat(t).isNull();
                outcomes.merge(statusKept.get() ? "received, interrupt kept" : "received", 1, Integer::sum);
            }
        }
        assertThat(outcomes).isNotEmpty();
    }
}
