package io.chanflow.goport;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.DoneChannel;
import io.chanflow.SelectCase;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of the select tests in Go's {@code src/runtime/chan_test.go}: {@code TestNonblockSelectRace},
 * {@code TestNonblockSelectRace2}, {@code TestSelfSelect}, {@code TestSelectStress},
 * {@code TestSelectFairness} and {@code TestSelectDuplicateChannel}.
 *
 * <p>Adaptations:
 * <ul>
 *   <li>Iteration counts are scaled down so the suite runs in seconds on two cores: the non-blocking
 *       select races run 20,000 rounds (Go: 100,000; 1,000 with {@code -short}); {@code TestSelectStress}
 *       moves 10,000 values per channel (Go: 100,000; 10,000 with {@code -short}). {@code TestSelfSelect}
 *       and {@code TestSelectFairness} keep Go's counts. {@code -Dgoport.full=true} restores Go's counts
 *       (see {@link GoScale}).</li>
 *   <li>Go's {@code case <-c:} on a closed channel is ready with the zero value; the Java port uses the
 *       comma-ok case {@code onReceiveOk}, which reports closing instead of throwing.</li>
 *   <li>Go disables a case by setting its channel variable to nil; here the array slot is set to
 *       {@link Channel#nil()}.</li>
 *   <li>{@code TestSelectDuplicateChannel} sleeps so that goroutine A is queued on {@code c} before B;
 *       here the test waits until each goroutine is parked.</li>
 *   <li>{@code TestSelectStress} also checks that each select loop moved exactly N values per channel
 *       (Go only checks that the construct does not deadlock).</li>
 * </ul>
 * Skipped: {@code TestSelectStackAdjust} (Go stack shrinking during GC has no Java counterpart).
 */
@Timeout(60)
class RuntimeSelectTest {

    // ---------------------------------------------------------------------------------------------
    // TestNonblockSelectRace, TestNonblockSelectRace2
    // ---------------------------------------------------------------------------------------------

    /**
     * From the moment the goroutine starts, at least one of c1 and c2 is always ready, so its non-blocking
     * select must receive from one of them: select must act on one consistent snapshot of its channels, not
     * on a smeared time window in which c1 was drained before c2 was looked at.
     */
    @Test
    @Timeout(60)
    void nonBlockingSelectActsOnOneSnapshotOfItsChannels() throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Boolean> done = Channel.make(1);
            for (int i = 0, n = GoScale.pick(20_000, 100_000); i < n; i++) {
                Channel<Integer> c1 = Channel.make(1);
                Channel<Integer> c2 = Channel.make(1);
                c1.send(1);
                g.go(() -> done.send(select(
                        c1.onReceive(v -> true),
                        c2.onReceive(v -> true),
                        otherwise(() -> false))));
                c2.send(1);
                select(c1.onReceiveDo(v -> { }), otherwise(() -> { }));
                assertThat(done.receive()).as("round %d: no chan is ready", i).isTrue();
            }
            g.joinAll();
        }
    }

    /** As above, but c2 becomes ready by being closed rather than by a send. */
    @Test
    @Timeout(60)
    void nonBlockingSelectSeesCloseAsReadyInOneSnapshot() throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Boolean> done = Channel.make(1);
            for (int i = 0, n = GoScale.pick(20_000, 100_000); i < n; i++) {
                Channel<Integer> c1 = Channel.make(1);
                Channel<Integer> c2 = Channel.make();
                c1.send(1);
                g.go(() -> done.send(select(
                        c1.onReceive(v -> true),
                        c2.onReceiveOk(r -> true),
                        otherwise(() -> false))));
                c2.close();
                select(c1.onReceiveDo(v -> { }), otherwise(() -> { }));
                assertThat(done.receive()).as("round %d: no chan is ready", i).isTrue();
            }
            g.joinAll();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // TestSelfSelect
    // ---------------------------------------------------------------------------------------------

    /**
     * Two goroutines each select between sending to and receiving from the same channel. This must not
     * crash or deadlock, and on an unbuffered channel a select must never receive its own send.
     */
    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {0, 10})
    @Timeout(60)
    void selectSendingAndReceivingOnOneChannelNeverPairsWithItself(int cap) throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make(cap);
            for (int p = 0; p < 2; p++) {
                int me = p;
                g.go(() -> {
                    for (int i = 0; i < 1000; i++) {
                        SelectCase<Void> send = c.onSend(me, () -> { });
                        SelectCase<Void> recv = c.onReceiveDo(v -> {
                            if (cap == 0 && v == me) {
                                throw new AssertionError("self receive by goroutine " + me + " at " + v);
                            }
                        });
                        if (me == 0 || i % 2 == 0) {
                            select(send, recv);
                        } else {
                            select(recv, send);
                        }
                    }
                });
            }
            g.joinAll();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // TestSelectStress
    // ---------------------------------------------------------------------------------------------

    /**
     * Four plain senders and four plain receivers (one per channel), plus one goroutine that sends N values
     * on every channel through a single select and one that receives N from every channel the same way,
     * over two unbuffered and two buffered channels. They interact chaotically but must not deadlock.
     */
    @Test
    @Timeout(60)
    void plainOperationsAndSelectsOverSharedChannelsNeverDeadlock() throws Exception {
        final int n = GoScale.pick(10_000, 100_000);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Channel<Integer>[] c = new Channel[] {Channel.make(), Channel.make(), Channel.make(2), Channel.make(3)};
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            for (int k = 0; k < 4; k++) {
                Channel<Integer> ck = c[k];
                g.go(() -> {
                    for (int i = 0; i < n; i++) {
                        ck.send(0);
                    }
                });
                g.go(() -> {
                    for (int i = 0; i < n; i++) {
                        ck.receive();
                    }
                });
            }
            AtomicReference<int[]> sentBySelect = new AtomicReference<>();
            g.go(() -> {
                int[] cnt = new int[4];
                Channel<Integer>[] c1 = c.clone();
                for (int i = 0; i < 4 * n; i++) {
                    select(
                            c1[3].onSend(0, () -> disableWhenDone(c1, cnt, 3, n)),
                            c1[2].onSend(0, () -> disableWhenDone(c1, cnt, 2, n)),
                            c1[0].onSend(0, () -> disableWhenDone(c1, cnt, 0, n)),
                            c1[1].onSend(0, () -> disableWhenDone(c1, cnt, 1, n)));
                }
                sentBySelect.set(cnt);
            });
            AtomicReference<int[]> receivedBySelect = new AtomicReference<>();
            g.go(() -> {
                int[] cnt = new int[4];
                Channel<Integer>[] c1 = c.clone();
                for (int i = 0; i < 4 * n; i++) {
                    select(
                            c1[0].onReceiveDo(v -> disableWhenDone(c1, cnt, 0, n)),
                            c1[1].onReceiveDo(v -> disableWhenDone(c1, cnt, 1, n)),
                            c1[2].onReceiveDo(v -> disableWhenDone(c1, cnt, 2, n)),
                            c1[3].onReceiveDo(v -> disableWhenDone(c1, cnt, 3, n)));
                }
                receivedBySelect.set(cnt);
            });
            g.joinAll();
            assertThat(sentBySelect.get()).containsExactly(n, n, n, n);
            assertThat(receivedBySelect.get()).containsExactly(n, n, n, n);
            for (Channel<Integer> ck : c) {
                assertThat(ck.len()).isZero();
            }
        }
    }

    /** Counts one operation on channel k and, after the n-th, replaces the channel by nil (Go: c1[k] = nil). */
    private static void disableWhenDone(Channel<Integer>[] chans, int[] cnt, int k, int n) {
        if (++cnt[k] == n) {
            chans[k] = Channel.nil();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // TestSelectFairness
    // ---------------------------------------------------------------------------------------------

    /**
     * With two of four cases always ready, the select must choose between them about equally often. Like
     * Go's test, this allows 10 standard deviations (a binomial with p = 1/2 over 10,000 trials), so it
     * catches a systematic bias, never chance.
     */
    @Test
    @Timeout(60)
    void selectChoosesFairlyAmongReadyCases() throws Exception {
        final int trials = 10_000;
        Channel<Integer> c1 = Channel.make(trials + 1);
        Channel<Integer> c2 = Channel.make(trials + 1);
        for (int i = 0; i < trials + 1; i++) {
            c1.send(1);
            c2.send(2);
        }
        Channel<Integer> c3 = Channel.make();
        Channel<Integer> c4 = Channel.make();
        Channel<Integer> out = Channel.make();
        DoneChannel done = DoneChannel.make();
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            g.go(() -> {
                while (true) {
                    int b = select(
                            c3.onReceive(v -> v),
                            c4.onReceive(v -> v),
                            c1.onReceive(v -> v),
                            c2.onReceive(v -> v));
                    boolean stop = select(out.onSend(b, () -> false), done.onDone(() -> true));
                    if (stop) {
                        return;
                    }
                }
            });
            int cnt1 = 0;
            int cnt2 = 0;
            for (int i = 0; i < trials; i++) {
                int b = out.receive();
                switch (b) {
                    case 1 -> cnt1++;
                    case 2 -> cnt2++;
                    default -> throw new AssertionError("unexpected value " + b + " on channel");
                }
            }
            double mean = trials * 0.5;
            double stddev = Math.sqrt(trials * 0.5 * (1 - 0.5));
            assertThat(Math.abs(cnt1 - mean))
                    .as("unfair select: in %d trials, results were %d, %d", trials, cnt1, cnt2)
                    .isLessThanOrEqualTo(10 * stddev);
            done.close();
            g.joinAll();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // TestSelectDuplicateChannel
    // ---------------------------------------------------------------------------------------------

    /**
     * A select may be queued on one channel several times (two cases on {@code c}). When it completes on
     * another channel it must remove all of its entries from {@code c}'s queue without disturbing the
     * receiver queued behind them, which must still get the next value sent on {@code c}.
     */
    @Test
    @Timeout(30)
    void selectQueuedTwiceOnOneChannelLeavesThatQueueIntactWhenItCompletesElsewhere() throws Exception {
        Channel<Integer> c = Channel.make();
        Channel<Integer> d = Channel.make();
        Channel<Integer> e = Channel.make();
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Thread a = g.go(() -> {
                select(c.onReceiveDo(v -> { }), c.onReceiveDo(v -> { }), d.onReceiveDo(v -> { }));
                e.send(9);
            });
            GoTestGoroutines.awaitBlocked(a); // A is queued on c first

            AtomicReference<Integer> gotByB = new AtomicReference<>();
            Thread b = g.go(() -> gotByB.set(c.receive()));
            GoTestGoroutines.awaitBlocked(b); // then B is queued on c behind A

            d.send(7); // wakes A, which must dequeue itself from c cleanly
            assertThat(e.receive()).isEqualTo(9); // A is done
            c.send(8); // must wake B (not a stale entry of A)
            GoTestGoroutines.join(b);
            assertThat(gotByB.get()).isEqualTo(8);
            g.joinAll();
        }
    }
}
