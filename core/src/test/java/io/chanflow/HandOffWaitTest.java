package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Virtual threads waiting for a hand-off wait in their own LinkedTransferQueue (Chan.Op policy 1, ADR 0007):
 * the wake is a TOKEN offered after the decision, so the queue may be left holding wakes of Ops that were
 * already seen decided. These tests check that those leftovers neither pile up nor end a later wait early,
 * and that timeouts and goroutine dumps work through the queue.
 */
@Timeout(120)
@ExtendWith(LeakCheckExtension.class)
class HandOffWaitTest {

    @BeforeEach
    void handOffWaitsAreOn() {
        assumeTrue(Chan.Op.HANDOFF_WAIT, "hand-off queues are off (spins.virtual set, or one CPU)");
    }

    @Test
    void staleWakeTokensNeverPileUp() throws Exception {
        Channel<Integer> there = Channel.make();
        Channel<Integer> back = Channel.make();
        int rounds = 20_000;
        AtomicInteger maxLeft = new AtomicInteger();
        AtomicLong sum = new AtomicLong();
        Thread ping = go(() -> {
            for (int i = 0; i < rounds; i++) {
                there.send(i);
                sum.addAndGet(back.receive());
                maxLeft.accumulateAndGet(Chan.Op.handOffTokensOfCurrentThread(), Math::max);
            }
        });
        Thread pong = go(() -> {
            for (int i = 0; i < rounds; i++) {
                back.send(there.receive());
                maxLeft.accumulateAndGet(Chan.Op.handOffTokensOfCurrentThread(), Math::max);
            }
        });
        join(ping);
        join(pong);
        assertThat(sum.get()).isEqualTo((long) rounds * (rounds - 1) / 2);
        // A wait drains what is left before it takes, so at most the wakes of the Ops since then remain.
        assertThat(maxLeft.get()).as("wake tokens left in a hand-off queue").isLessThanOrEqualTo(2);
    }

    @Test
    void aLeftoverWakeDoesNotEndALaterWait() throws Exception {
        Channel<Integer> ch = Channel.make();
        Channel<Integer> never = Channel.make();
        AtomicInteger got = new AtomicInteger(-1);
        Thread receiver = go(() -> {
            got.set(ch.receive());
            // Whatever wake is still queued for the receive above, this receive must block until a value.
            got.set(never.receive());
        });
        awaitQueued(ch, 1);
        ch.send(1);
        awaitQueued(never, 1);
        assertThat(receiver.isAlive()).isTrue();
        assertThat(got.get()).isEqualTo(1);
        never.send(2);
        join(receiver);
        assertThat(got.get()).isEqualTo(2);
    }

    @Test
    void afterALongHandOffWaitTheNextWaitsParkAtOnce() throws Exception {
        Channel<Integer> first = Channel.make();
        Channel<Integer> second = Channel.make();
        Thread receiver = go(() -> {
            first.receive();
            second.receive();
        });
        awaitQueued(first, 1);
        TestSupport.awaitParked(receiver);
        assertThat(LockSupport.getBlocker(receiver)).as("a fresh thread waits in its hand-off queue")
                .isInstanceOf(Chan.HandOffQueue.class);
        first.send(1); // the receiver has waited far longer than Op.LONG_WAIT_NANOS by now
        awaitQueued(second, 1);
        TestSupport.awaitParked(receiver);
        assertThat(LockSupport.getBlocker(receiver)).as("after a long wait it parks on the Op at once")
                .isInstanceOf(Chan.Op.class);
        assertThat(Goroutines.dump()).contains("[chan receive, ").contains(second.toString());
        second.send(2);
        join(receiver);
    }

    @Test
    void aTimedHandOffWaitTimesOutAndLeavesNoWaiter() throws Exception {
        Channel<Integer> ch = Channel.make();
        AtomicInteger outcome = new AtomicInteger();
        Thread sender = go(() -> outcome.set(ch.trySend(7, Duration.ofMillis(20)) ? 1 : 2));
        join(sender);
        assertThat(outcome.get()).as("timed out").isEqualTo(2);
        assertThat(TestSupport.queued(ch)).isZero();
        assertThat(ch.tryReceive()).isNull();
    }

    @Test
    void aDumpNamesTheChannelAGoroutineWaitsOnInItsHandOffQueue() throws Exception {
        Channel<Integer> ch = Channel.make();
        Thread receiver = go(() -> ch.receive());
        awaitQueued(ch, 1);
        // The first receiver of an unbuffered channel waits in its hand-off queue, not parked on the Op.
        TestSupport.awaitParked(receiver);
        assertThat(Goroutines.dump()).contains("[chan receive, ").contains(ch.toString());
        ch.send(1);
        join(receiver);
    }
}
