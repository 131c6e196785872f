package io.chanflow;

import static io.chanflow.Go.after;
import static io.chanflow.Go.go;
import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.TestSupport.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** One test (or more) per select rule 8-13 of shared/design/go-semantics.md, named after the rule. */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class SelectRulesTest {

    // Rule 8 ---------------------------------------------------------------------------------------

    /**
     * Three always-ready cases, 30 000 selects. Under uniform choice the chi-square statistic (2 degrees of
     * freedom) exceeds 40 with probability e^-20 (about 2e-9), so the test is statistically bounded: a
     * first-match or biased select fails it every time, a fair one essentially never.
     */
    @Test
    void rule8_aReadyCaseIsChosenUniformlyAtRandom() throws Exception {
        List<Channel<Integer>> chans = List.of(Channel.make(1), Channel.make(1), Channel.make(1));
        int trials = 30_000;
        int[] counts = new int[3];
        for (int t = 0; t < trials; t++) {
            for (Channel<Integer> c : chans) {
                c.trySend(1);
            }
            int chosen = select(
                    chans.get(0).onReceive(v -> 0),
                    chans.get(1).onReceive(v -> 1),
                    chans.get(2).onReceive(v -> 2));
            counts[chosen]++;
        }
        assertThat(chiSquare(counts)).as("chi-square of %s", java.util.Arrays.toString(counts)).isLessThan(40.0);
    }

    /** Sixteen ready cases (the most the allocation-free permutation holds): chi-square, 15 degrees of freedom. */
    @Test
    void rule8_aChoiceAmongSixteenReadyCasesIsUniform() throws Exception {
        int[] counts = choicesAmongReadyCases(16, 32_000);
        // P(chi2 > 80 | 15 df) is about 1e-10.
        assertThat(chiSquare(counts)).as("chi-square of %s", java.util.Arrays.toString(counts)).isLessThan(80.0);
    }

    /**
     * A hundred ready cases: more than select's fast path reads hints for (64), so the choice is made under
     * all the locks, and must still be uniform: chi-square, 99 degrees of freedom, bound 215 (p ~ 2e-10).
     */
    @Test
    void rule8_aChoiceAmongAHundredReadyCasesIsUniform() throws Exception {
        int[] counts = choicesAmongReadyCases(100, 40_000);
        assertThat(chiSquare(counts)).as("chi-square of %s", java.util.Arrays.toString(counts)).isLessThan(215.0);
    }

    /** How often each of n receive cases, all ready every time, was chosen in the given number of selects. */
    private static int[] choicesAmongReadyCases(int n, int trials) throws InterruptedException {
        List<Channel<Integer>> chans = new ArrayList<>();
        List<SelectCase<Integer>> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Channel<Integer> c = Channel.make(1);
            chans.add(c);
            int k = i;
            cases.add(c.onReceive(v -> k));
        }
        int[] counts = new int[n];
        for (int t = 0; t < trials; t++) {
            for (Channel<Integer> c : chans) {
                c.trySend(1);
            }
            counts[Go.<Integer>select(cases)]++;
        }
        return counts;
    }

    /** Pearson's chi-square of the counts against equal expected counts. */
    private static double chiSquare(int[] counts) {
        double expected = (double) java.util.Arrays.stream(counts).sum() / counts.length;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    /**
     * Seven ready cases scattered among twenty (the others on empty channels and the nil channel): never a
     * case that is not ready, and uniform among the seven (chi-square, 6 degrees of freedom, bound 55,
     * p ~ 4e-10).
     */
    @Test
    void rule8_aChoiceAmongTheReadyCasesOfManyIsUniformAndNeverPicksOneThatIsNotReady() throws Exception {
        int n = 20;
        List<Channel<Integer>> ready = new ArrayList<>();
        List<SelectCase<Integer>> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            if (i % 3 == 1) {
                Channel<Integer> c = Channel.make(1);
                ready.add(c);
                cases.add(c.onReceive(v -> k));
            } else if (i % 3 == 0) {
                cases.add(Channel.<Integer>make(1).onReceive(v -> k)); // empty
            } else {
                cases.add(Channel.<Integer>nil().onReceive(v -> k));
            }
        }
        int trials = 28_000;
        int[] counts = new int[n];
        for (int t = 0; t < trials; t++) {
            for (Channel<Integer> c : ready) {
                c.trySend(1);
            }
            counts[Go.<Integer>select(cases)]++;
        }
        int[] readyCounts = new int[ready.size()];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 1) {
                readyCounts[r++] = counts[i];
            } else {
                assertThat(counts[i]).as("case %d is never ready", i).isZero();
            }
        }
        assertThat(chiSquare(readyCounts)).as("chi-square of %s", java.util.Arrays.toString(counts)).isLessThan(55.0);
    }

    @Test
    void rule8_mixedSendAndReceiveCasesAreAlsoChosenUniformly() throws Exception {
        Channel<Integer> in = Channel.make(1);
        Channel<Integer> out = Channel.make(1);
        int trials = 20_000;
        int sends = 0;
        for (int t = 0; t < trials; t++) {
            in.trySend(1);
            out.tryReceive();
            sends += select(in.onReceive(v -> 0), out.onSend(1, () -> 1));
        }
        double z = (sends - trials / 2.0) / Math.sqrt(trials / 4.0);
        assertThat(Math.abs(z)).as("z-score of %d sends in %d", sends, trials).isLessThan(6.0);
    }

    @Test
    void rule8_theDefaultCaseRunsOnlyWhenNoOtherCaseIsReady() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        assertThat(Go.<String>select(ch.onReceive(v -> "value"), otherwise(() -> "default"))).isEqualTo("default");
        ch.send(1);
        for (int i = 0; i < 100; i++) {
            assertThat(Go.<String>select(ch.onReceive(v -> "value"), otherwise(() -> "default"))).isEqualTo("value");
            ch.send(1);
        }
    }

    @Test
    void rule8_withNothingReadyAndNoDefaultSelectBlocksUntilACaseCanProceed() throws Exception {
        Channel<String> a = Channel.make();
        Channel<String> b = Channel.make();
        Outcome sel = new Outcome(() -> assertThat(
                Go.<String>select(a.onReceive(v -> "a:" + v), b.onReceive(v -> "b:" + v))).isEqualTo("b:hi"));
        awaitQueued(b, 1);
        b.send("hi");
        assertThat(sel.join()).isNull();
    }

    @Test
    void rule8_theSendValueIsFixedWhenTheCaseIsMade() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        int[] x = {1};
        SelectCase<Void> c = ch.onSend(x[0], () -> {});
        x[0] = 2;
        select(c);
        assertThat(ch.receive()).isEqualTo(1);
    }

    @Test
    void aSelectOverAListOfCasesBehavesLikeTheVarargsForm() throws Exception {
        List<Channel<Integer>> chans = new ArrayList<>();
        List<SelectCase<Integer>> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Channel<Integer> c = Channel.make(1);
            chans.add(c);
            int k = i;
            cases.add(c.onReceive(v -> k * 100 + v));
        }
        chans.get(3).send(7);
        assertThat(Go.<Integer>select(cases)).isEqualTo(307);
        cases.add(otherwise(() -> -1));
        assertThat(Go.<Integer>select(cases)).isEqualTo(-1);
    }

    @Test
    void moreThanOneDefaultIsRejected() {
        assertThatThrownBy(() -> select(otherwise(() -> 1), otherwise(() -> 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Rule 9 ---------------------------------------------------------------------------------------

    @Test
    void rule9_aReceiveCaseOnAClosedChannelIsReadyAndReportsClosed() throws Exception {
        Channel<Integer> open = Channel.make();
        Channel<Integer> closed = Channel.make();
        closed.close();
        Received<Integer> r = select(open.onReceiveOk(x -> x), closed.onReceiveOk(x -> x));
        assertThat(r.ok()).isFalse();
    }

    @Test
    void rule9_aPlainReceiveCaseOnAClosedChannelFailsTheSelect() {
        Channel<Integer> closed = Channel.make();
        closed.close(new IllegalStateException("why"));
        assertThatThrownBy(() -> select(closed.onReceive(x -> x)))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("receive from closed channel")
                .hasRootCauseMessage("why");
    }

    @Test
    void rule9_aSendCaseOnAClosedChannelIsReadyAndFailsWhenChosen() {
        Channel<Integer> closed = Channel.make(5);
        closed.close();
        assertThatThrownBy(() -> select(closed.onSend(1, () -> "sent"), otherwise(() -> "default")))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("send on closed channel");
    }

    @Test
    void rule9_aSenderBlockedInSelectFailsWhenTheChannelIsClosed() throws Exception {
        Channel<Integer> ch = Channel.make();
        Channel<Integer> other = Channel.make();
        Outcome sel = new Outcome(() -> select(ch.onSend(1, () -> {}), other.onReceiveDo(v -> {})));
        awaitQueued(ch, 1);
        ch.close();
        assertThat(sel.join()).isInstanceOf(ChannelClosedException.class).hasMessage("send on closed channel");
        assertThat(TestSupport.queued(other)).isZero();
    }

    @Test
    void rule9_nilChannelCasesNeverProceed() throws Exception {
        Channel<Integer> nil = Channel.nil();
        for (int i = 0; i < 100; i++) {
            assertThat(Go.<String>select(nil.onReceive(v -> "recv"), nil.onSend(1, () -> "send"), otherwise(() -> "default")))
                    .isEqualTo("default");
        }
    }

    @Test
    void rule9_settingACaseToNilDisablesIt() throws Exception {
        // Go: for a != nil || b != nil { select { case v, ok := <-a: if !ok { a = nil } ... } }
        Channel<Integer> a0 = Channel.make(10);
        Channel<Integer> b0 = Channel.make(10);
        for (int i = 0; i < 5; i++) {
            a0.send(i);
            b0.send(100 + i);
        }
        a0.close();
        b0.close();
        ReceiveChannel<Integer> nil = Channel.nil();
        ReceiveChannel<Integer> a = a0;
        ReceiveChannel<Integer> b = b0;
        int sum = 0;
        int closedSeen = 0;
        while (a != nil || b != nil) {
            // Each body returns the value, or -1 (a closed) or -2 (b closed).
            int got = select(
                    a.onReceiveOk(r -> r.ok() ? r.value() : -1),
                    b.onReceiveOk(r -> r.ok() ? r.value() : -2));
            if (got == -1) {
                a = nil;
                closedSeen++;
            } else if (got == -2) {
                b = nil;
                closedSeen++;
            } else {
                sum += got;
            }
        }
        assertThat(sum).isEqualTo(10 + 510);
        assertThat(closedSeen).isEqualTo(2);
    }

    @Test
    void rule9_aSelectOfOnlyNilCasesAndNoDefaultBlocksUntilInterrupted() throws Exception {
        Channel<Integer> nil = Channel.nil();
        Outcome sel = new Outcome(() -> select(nil.onReceive(v -> 1)));
        TestSupport.awaitParked(sel.thread);
        sel.thread.interrupt();
        assertThat(sel.join()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anEmptySelectBlocksUntilInterrupted() throws Exception {
        Outcome sel = new Outcome(() -> select());
        TestSupport.awaitParked(sel.thread);
        sel.thread.interrupt();
        assertThat(sel.join()).isInstanceOf(InterruptedException.class);
    }

    // Rule 10 --------------------------------------------------------------------------------------

    @Test
    void rule10_aSelectCompletesExactlyOneCaseEvenWhenSeveralAreReady() throws Exception {
        for (int trial = 0; trial < 200; trial++) {
            Channel<Integer> a = Channel.make();
            Channel<Integer> b = Channel.make();
            Outcome sa = new Outcome(() -> a.send(1));
            Outcome sb = new Outcome(() -> b.send(2));
            awaitQueued(a, 1);
            awaitQueued(b, 1);
            int got = select(a.onReceive(v -> v), b.onReceive(v -> v));
            // Exactly one sender was released; the other is still blocked.
            Channel<Integer> other = got == 1 ? b : a;
            assertThat(TestSupport.queued(other)).isEqualTo(1);
            assertThat(other.receive()).isEqualTo(got == 1 ? 2 : 1);
            sa.join();
            sb.join();
        }
    }

    @Test
    void rule10_aCompletedSelectLeavesNoStaleWaiterToStealALaterValue() throws Exception {
        Channel<String> a = Channel.make();
        Channel<String> b = Channel.make();
        Outcome sel = new Outcome(() -> assertThat(
                Go.<String>select(a.onReceive(v -> v), b.onReceive(v -> v))).isEqualTo("for the select"));
        awaitQueued(a, 1);
        awaitQueued(b, 1);
        a.send("for the select");
        assertThat(sel.join()).isNull();
        assertThat(TestSupport.queued(b)).isZero();
        // A later send on b must reach the receiver that asks for it, not the finished select.
        Outcome later = new Outcome(() -> assertThat(b.receive()).isEqualTo("for the receiver"));
        awaitQueued(b, 1);
        b.send("for the receiver");
        assertThat(later.join()).isNull();
    }

    @Test
    void rule10_manySelectsBlockedOnASharedChannelLeaveItCleanWhenWokenOneByOne() throws Exception {
        Channel<Integer> shared = Channel.make();
        int n = 1000;
        List<Channel<Integer>> own = new ArrayList<>();
        List<Thread> selects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Channel<Integer> mine = Channel.make();
            own.add(mine);
            selects.add(go(() -> select(shared.onReceive(v -> v), mine.onReceive(v -> v))));
        }
        awaitQueued(shared, n);
        for (int i = 0; i < n; i++) {
            own.get(i).send(i);
            join(selects.get(i));
            assertThat(TestSupport.queued(shared)).isEqualTo(n - i - 1);
        }
    }

    /**
     * Removing a waiter from the middle of a queue must not walk the queue. 200 000 waiters removed in
     * random order take O(n) with linked removal and about 2e10 steps with a scan; the timeout separates
     * the two by three orders of magnitude, so this checks complexity, not speed.
     */
    @Test
    @Timeout(30)
    void rule10_unlinkingAWaiterIsConstantTimeWhateverTheQueueLength() {
        Chan.WaitQueue q = new Chan.WaitQueue();
        int n = 200_000;
        Chan.Waiter[] ws = new Chan.Waiter[n];
        Chan.Op op = new Chan.Op(Chan.Op.RECEIVE, null, null);
        for (int i = 0; i < n; i++) {
            ws[i] = new Chan.Waiter(op, i, null);
            q.add(ws[i]);
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Chan.Waiter t = ws[i];
            ws[i] = ws[j];
            ws[j] = t;
        }
        for (Chan.Waiter w : ws) {
            q.remove(w);
        }
        assertThat(q.size).isZero();
        assertThat(q.poll()).isNull();
    }

    // Rule 11 --------------------------------------------------------------------------------------

    /**
     * c1 holds a value; while the select runs, a second goroutine puts a value in c2 and only then takes the
     * one from c1. At every instant one case is ready, so the non-blocking select must never take default.
     */
    @Test
    void rule11_aNonBlockingSelectNeverTakesDefaultWhileSomeCaseIsAlwaysReady() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            Channel<Integer> c1 = Channel.make(1);
            Channel<Integer> c2 = Channel.make(1);
            c1.send(1);
            AtomicBoolean tookDefault = new AtomicBoolean();
            Thread sel = go(() -> select(
                    c1.onReceiveDo(v -> {}),
                    c2.onReceiveDo(v -> {}),
                    otherwise(() -> tookDefault.set(true))));
            c2.send(1);
            c1.tryReceive();
            join(sel);
            assertThat(tookDefault).as("trial %d", i).isFalse();
        }
    }

    // Rule 12 --------------------------------------------------------------------------------------

    @Test
    void rule12_aSelectDoesNotRendezvousWithItself() throws Exception {
        Channel<Integer> ch = Channel.make();
        String r = select(
                ch.onSend(1, () -> "sent"),
                ch.onReceive(v -> "received"),
                after(Duration.ofMillis(50), () -> "blocked"));
        assertThat(r).isEqualTo("blocked");
        assertThat(TestSupport.queued(ch)).isZero();
    }

    @Test
    void rule12_twoSelectsEachSendingAndReceivingOnOneChannelPairUp() throws Exception {
        Channel<Integer> ch = Channel.make();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ts.add(go(() -> select(ch.onSend(1, sent::incrementAndGet), ch.onReceiveDo(v -> received.incrementAndGet()))));
        }
        for (Thread t : ts) {
            join(t);
        }
        assertThat(sent.get()).isEqualTo(1);
        assertThat(received.get()).isEqualTo(1);
    }

    @Test
    void rule12_theSameChannelMayAppearInSeveralCases() throws Exception {
        Channel<Integer> ch = Channel.make(2);
        int[] hits = new int[2];
        for (int i = 0; i < 1000; i++) {
            ch.send(i);
            select(ch.onReceiveDo(v -> hits[0]++), ch.onReceiveDo(v -> hits[1]++));
        }
        assertThat(hits[0] + hits[1]).isEqualTo(1000);
        assertThat(hits[0]).isBetween(350, 650);
        // Blocking with duplicates: one value completes one case.
        Outcome sel = new Outcome(() -> select(ch.onReceiveDo(v -> hits[0]++), ch.onReceiveDo(v -> hits[1]++)));
        awaitQueued(ch, 2);
        ch.send(7);
        sel.join();
        assertThat(hits[0] + hits[1]).isEqualTo(1001);
        assertThat(TestSupport.queued(ch)).isZero();
    }

    // Rule 13 --------------------------------------------------------------------------------------

    @Test
    void rule13_aTimeoutIsAnOrdinaryCase() throws Exception {
        Channel<Integer> never = Channel.make();
        assertThat(Go.<String>select(never.onReceive(v -> "value"), after(Duration.ofMillis(20), () -> "timeout")))
                .isEqualTo("timeout");
        assertThat(TestSupport.queued(never)).isZero();
        assertThat(Go.<String>select(never.onReceive(v -> "value"), Go.after(Duration.ofMillis(20)).onReceive(t -> "timer")))
                .isEqualTo("timer");
    }

    @Test
    void rule13_theEarliestOfSeveralTimeoutsFires() throws Exception {
        assertThat(Go.<String>select(after(Duration.ofSeconds(30), () -> "late"), after(Duration.ofMillis(10), () -> "early")))
                .isEqualTo("early");
    }

    @Test
    void rule13_aZeroTimeoutIsReadyAtOnce() throws Exception {
        Channel<Integer> never = Channel.make();
        assertThat(Go.<String>select(never.onReceive(v -> "value"), after(Duration.ZERO, () -> "timeout")))
                .isEqualTo("timeout");
    }

    @Test
    void rule13_cancellationIsAnOrdinaryCaseOnADoneChannel() throws Exception {
        DoneChannel done = DoneChannel.make();
        Channel<Integer> jobs = Channel.make();
        AtomicInteger handled = new AtomicInteger();
        Thread worker = go(() -> {
            for (boolean running = true; running; ) {
                running = select(
                        jobs.onReceive(j -> {
                            handled.addAndGet(j);
                            return true;
                        }),
                        done.done().onDone(() -> false));
            }
        });
        for (int i = 1; i <= 10; i++) {
            jobs.send(i);
        }
        done.close();
        join(worker);
        assertThat(handled.get()).isEqualTo(55);
    }

    @Test
    void aDoneCaseIsReadyOnlyOnceTheDoneChannelIsClosed() throws Exception {
        DoneChannel d = DoneChannel.make();
        assertThat(Go.<String>select(d.onDone(() -> "done"), otherwise(() -> "open"))).isEqualTo("open");
        assertThat(d.isDone()).isFalse();
        assertThat(d.tryClose()).isTrue();
        assertThat(d.tryClose()).isFalse();
        assertThatThrownBy(d::close).isInstanceOf(ChannelClosedException.class);
        for (int i = 0; i < 10; i++) {
            assertThat(Go.<String>select(d.onDone(() -> "done"), otherwise(() -> "open"))).isEqualTo("done");
        }
        assertThat(d.done().isDone()).isTrue();
        d.await();
        assertThat(d.await(Duration.ofMillis(1))).isTrue();
    }

    @Test
    void closingADoneChannelWakesEveryListener() throws Exception {
        DoneChannel d = DoneChannel.make();
        Done view = d.done();
        List<Thread> ts = new ArrayList<>();
        AtomicInteger woke = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            ts.add(go(() -> {
                view.await();
                woke.incrementAndGet();
            }));
        }
        d.close();
        for (Thread t : ts) {
            join(t);
        }
        assertThat(woke.get()).isEqualTo(50);
    }

    @Test
    void statementAndExpressionFormsBothRead() throws Exception {
        Channel<Integer> jobs = Channel.make(1);
        Channel<String> results = Channel.make(1);
        List<String> log = new ArrayList<>();
        jobs.send(1);
        select(jobs.onReceiveDo(j -> log.add("job " + j)), otherwise(() -> log.add("idle")));
        select(results.onSend("r", () -> log.add("sent")), otherwise(() -> log.add("full")));
        select(results.onSend("r", () -> log.add("sent")), otherwise(() -> log.add("full")));
        assertThat(log).containsExactly("job 1", "sent", "full");
    }
}
