package io.chanflow;

import static io.chanflow.Go.after;
import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.TestSupport.Outcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A select with one channel case, alone, with a timeout or among nil-channel cases, runs as that channel's
 * own blocking or timed operation (Select.oneChannelOp). These tests pin that it keeps every select rule
 * that applies: it blocks until a partner, reports closed, times out leaving no waiter, and is
 * interruptible without a trace.
 */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class OneCaseSelectTest {

    @Test
    void aOneCaseReceiveSelectBlocksUntilASenderArrivesAndRunsItsBody() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome sender = new Outcome(() -> {
            awaitQueued(ch, 1);
            ch.send(7);
        });
        assertThat(Go.<String>select(ch.onReceive(v -> "got " + v))).isEqualTo("got 7");
        assertThat(sender.join()).isNull();
    }

    @Test
    void aOneCaseSendSelectBlocksUntilAReceiverArrivesAndRunsItsBody() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome sender = new Outcome(() -> assertThat(Go.<String>select(ch.onSend(9, () -> "sent"))).isEqualTo("sent"));
        awaitQueued(ch, 1);
        assertThat(ch.receive()).isEqualTo(9);
        assertThat(sender.join()).isNull();
    }

    @Test
    void aOneCaseSelectOnAClosedChannelReportsClosedAsTheGeneralSelectDoes() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        ch.send(1);
        ch.close(new IllegalStateException("why"));
        assertThat(Go.<Integer>select(ch.onReceive(v -> v))).isEqualTo(1); // buffered values first
        assertThat(Go.<Boolean>select(ch.onReceiveOk(r -> r.ok()))).isFalse();
        assertThatThrownBy(() -> select(ch.onReceive(v -> v)))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("receive from closed channel")
                .hasRootCauseMessage("why");
        assertThatThrownBy(() -> select(ch.onSend(2, () -> {})))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("send on closed channel");
    }

    @Test
    void aBlockedOneCaseSelectFailsWhenItsChannelIsClosed() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome sel = new Outcome(() -> select(ch.onSend(1, () -> {})));
        awaitQueued(ch, 1);
        ch.close();
        assertThat(sel.join()).isInstanceOf(ChannelClosedException.class).hasMessage("send on closed channel");
        assertThat(TestSupport.queued(ch)).isZero();
    }

    @Test
    void aChannelCaseWithATimeoutRunsTheTimeoutBodyAndLeavesNoWaiter() throws Exception {
        Channel<Integer> never = Channel.make();
        assertThat(Go.<String>select(never.onReceive(v -> "value"), after(Duration.ofMillis(5), () -> "timeout")))
                .isEqualTo("timeout");
        assertThat(Go.<String>select(after(Duration.ofMillis(5), () -> "timeout"), never.onSend(1, () -> "sent")))
                .isEqualTo("timeout");
        assertThat(TestSupport.queued(never)).isZero();
    }

    @Test
    void aChannelCaseWithATimeoutTakesAValueThatArrivesInTime() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome sender = new Outcome(() -> {
            awaitQueued(ch, 1);
            ch.send(3);
        });
        assertThat(Go.<String>select(ch.onReceive(v -> "value " + v), after(Duration.ofSeconds(30), () -> "timeout")))
                .isEqualTo("value 3");
        assertThat(sender.join()).isNull();
    }

    @Test
    void anInterruptedOneCaseSelectThrowsAndLeavesNoWaiter() throws Exception {
        Channel<Integer> ch = Channel.make();
        Outcome sel = new Outcome(() -> select(ch.onReceive(v -> v)));
        awaitQueued(ch, 1);
        sel.thread.interrupt();
        assertThat(sel.join()).isInstanceOf(InterruptedException.class);
        assertThat(TestSupport.queued(ch)).isZero();
        Outcome timed = new Outcome(() -> select(ch.onReceive(v -> v), after(Duration.ofSeconds(30), () -> -1)));
        awaitQueued(ch, 1);
        timed.thread.interrupt();
        assertThat(timed.join()).isInstanceOf(InterruptedException.class);
        assertThat(TestSupport.queued(ch)).isZero();
    }

    /** Nil cases are never ready (rule 9), so one live case among them is that channel's own operation. */
    @Test
    void oneLiveCaseAmongNilCasesBlocksUntilAPartnerAndRunsItsBody() throws Exception {
        Channel<Integer> ch = Channel.make();
        ReceiveChannel<Integer> nil = Channel.nil();
        Outcome sender = new Outcome(() -> {
            awaitQueued(ch, 1);
            ch.send(5);
        });
        assertThat(Go.<String>select(
                        nil.onReceive(v -> "nil"), ch.onReceive(v -> "got " + v), nil.onReceive(v -> "nil")))
                .isEqualTo("got 5");
        assertThat(sender.join()).isNull();
        ch.close();
        assertThat(Go.<Boolean>select(nil.onReceiveOk(r -> true), ch.onReceiveOk(r -> r.ok()))).isFalse();
    }

    @Test
    void oneLiveCaseAmongNilCasesWithATimeoutTimesOutOrIsInterruptedLeavingNoWaiter() throws Exception {
        Channel<Integer> ch = Channel.make();
        SendChannel<Integer> nil = Channel.nil();
        assertThat(Go.<String>select(nil.onSend(1, () -> "nil"), ch.onReceive(v -> "value"),
                        after(Duration.ofMillis(5), () -> "timeout")))
                .isEqualTo("timeout");
        assertThat(TestSupport.queued(ch)).isZero();
        Outcome sel = new Outcome(() -> select(ch.onReceive(v -> v), nil.onSend(1, () -> -1)));
        awaitQueued(ch, 1);
        sel.thread.interrupt();
        assertThat(sel.join()).isInstanceOf(InterruptedException.class);
        assertThat(TestSupport.queued(ch)).isZero();
    }

    /** Exactly-once delivery through one-case selects on both sides of an unbuffered channel. */
    @Test
    void oneCaseSelectsOnBothSidesDeliverEveryValueExactlyOnce() throws Exception {
        Channel<Integer> ch = Channel.make();
        int n = 20_000;
        Thread[] senders = new Thread[2];
        for (int s = 0; s < senders.length; s++) {
            int base = s * n;
            senders[s] = go(() -> {
                for (int i = 0; i < n; i++) {
                    select(ch.onSend(base + i, () -> {}));
                }
            });
        }
        boolean[] seen = new boolean[2 * n];
        AtomicLong duplicates = new AtomicLong();
        for (int i = 0; i < 2 * n; i++) {
            int v = Go.<Integer>select(ch.onReceive(x -> x));
            if (seen[v]) {
                duplicates.incrementAndGet();
            }
            seen[v] = true;
        }
        for (Thread t : senders) {
            join(t);
        }
        assertThat(duplicates.get()).isZero();
        assertThat(TestSupport.queued(ch)).isZero();
    }
}
