package io.chanflow.goport;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.Received;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of the channel tests in Go's {@code src/runtime/chan_test.go}: {@code TestChan},
 * {@code TestNonblockRecvRace}, {@code TestChanSendInterface}, {@code TestPseudoRandomSend} and
 * {@code TestMultiConsumer}. The select tests of the same file are in {@link RuntimeSelectTest}.
 *
 * <p>Adaptations:
 * <ul>
 *   <li>Go's {@code TestChan} is one loop over capacities 0..199 (0..19 with {@code -short}); here each of its
 *       blocks is a parameterized test over capacities 0..47, which keeps the suite fast on two cores while
 *       covering unbuffered, small and larger-than-initial-ring buffers.</li>
 *   <li>Go receives the zero value from a closed channel; Java has none, so a plain receive throws
 *       {@link ChannelClosedException} and the comma-ok receive reports {@code ok == false}.</li>
 *   <li>Where Go sleeps a millisecond "to let the goroutine block", these tests wait until the goroutine's
 *       thread is parked ({@link GoTestGoroutines#awaitBlocked}) and then check that it did not get through.</li>
 *   <li>{@code TestNonblockRecvRace} runs 2,000 rounds (Go: 10,000; 100 with {@code -short}) and
 *       {@code TestMultiConsumer} 100,000 items (Go: 271,828). {@code -Dgoport.full=true} restores Go's
 *       counts everywhere (see {@link GoScale}).</li>
 * </ul>
 *
 * <p>Beyond a literal port: {@code TestPseudoRandomSend} reaches the case where the select is already
 * parked when its partner arrives only by chance (the receiver yields before each receive). Two extra
 * tests, {@code parkedSelectWithTwo...OnOneChannel...}, force that path for sends and for receives; in Go
 * both cases then become ready together and are chosen pseudo-randomly (the runtime permutes cases on the
 * same channel when it queues a select).
 *
 * <p>Skipped, as meaningless in Java: {@code TestShrinkStackDuringBlockedSend},
 * {@code TestNoShrinkStackWhileParking} and {@code TestSelectStackAdjust} (goroutine stack shrinking by the
 * Go GC), and the benchmarks. {@code TestChanSendBarrier} (from {@code chanbarrier_test.go}) is in
 * {@link ChanBarrierTest}.
 */
@Timeout(60)
class RuntimeChanTest {
    static final int CAPACITIES = GoScale.pick(48, 200);

    static IntStream capacities() {
        return IntStream.range(0, CAPACITIES);
    }

    // ---------------------------------------------------------------------------------------------
    // TestChan, one test per block
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "cap {0}")
    @MethodSource("capacities")
    @Timeout(30)
    void receiveFromEmptyChannelBlocksAndNonBlockingReceiveDoesNot(int cap) throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make(cap);
            AtomicBoolean recv1 = new AtomicBoolean();
            AtomicBoolean recv2 = new AtomicBoolean();
            Thread r1 = g.go(() -> {
                c.receive();
                recv1.set(true);
            });
            Thread r2 = g.go(() -> {
                c.receiveOk();
                recv2.set(true);
            });
            GoTestGoroutines.awaitBlocked(r1);
            GoTestGoroutines.awaitBlocked(r2);
            assertThat(recv1).as("plain receive from empty chan[%d] returned", cap).isFalse();
            assertThat(recv2).as("comma-ok receive from empty chan[%d] returned", cap).isFalse();

            // Non-blocking receives, in both spellings, must not block and must take nothing.
            assertThat(c.tryReceive()).isNull();
            assertThat(c.tryReceiveOk()).isNull();
            assertThat(select(c.onReceive(v -> "received " + v), otherwise(() -> "default")))
                    .isEqualTo("default");
            assertThat(select(c.onReceiveOk(r -> "received " + r), otherwise(() -> "default")))
                    .isEqualTo("default");

            c.send(0);
            c.send(0);
            g.joinAll();
            assertThat(recv1).isTrue();
            assertThat(recv2).isTrue();
        }
    }

    @ParameterizedTest(name = "cap {0}")
    @MethodSource("capacities")
    @Timeout(30)
    void sendToFullChannelBlocksAndNonBlockingSendDoesNot(int cap) throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make(cap);
            for (int i = 0; i < cap; i++) {
                c.send(i);
            }
            AtomicBoolean sent = new AtomicBoolean();
            Thread sender = g.go(() -> {
                c.send(0);
                sent.set(true);
            });
            GoTestGoroutines.awaitBlocked(sender);
            assertThat(sent).as("send to full chan[%d] returned", cap).isFalse();

            assertThat(c.trySend(0)).isFalse();
            assertThat(select(c.onSend(0, () -> "sent"), otherwise(() -> "default"))).isEqualTo("default");

            c.receive();
            g.joinAll();
            assertThat(sent).isTrue();
            assertThat(c.len()).isEqualTo(cap);
        }
    }

    @ParameterizedTest(name = "cap {0}")
    @MethodSource("capacities")
    void closedChannelYieldsBufferedValuesInOrderThenReportsClosed(int cap) throws Exception {
        Channel<Integer> c = Channel.make(cap);
        for (int i = 0; i < cap; i++) {
            c.send(i);
        }
        c.close();
        for (int i = 0; i < cap; i++) {
            assertThat(c.receive()).as("chan[%d] value %d", cap, i).isEqualTo(i);
        }
        // Go: v := <-c gives 0; here the plain receive reports closing with an exception.
        assertThatThrownBy(c::receive)
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("receive from closed channel");
        // Go: v, ok := <-c gives 0, false.
        Received<Integer> r = c.receiveOk();
        assertThat(r.ok()).isFalse();
        assertThat(r.value()).isNull();
        // And again: closed is for ever.
        assertThat(c.receiveOk().ok()).isFalse();
    }

    @ParameterizedTest(name = "cap {0}")
    @MethodSource("capacities")
    @Timeout(30)
    void closeUnblocksBlockedReceiverWithNotOk(int cap) throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make(cap);
            Channel<Boolean> done = Channel.make();
            Thread receiver = g.go(() -> {
                Received<Integer> r = c.receiveOk();
                done.send(r.value() == null && !r.ok());
            });
            GoTestGoroutines.awaitBlocked(receiver);
            c.close();
            assertThat(done.receive()).as("chan[%d]: received a value from closed chan", cap).isTrue();
            g.joinAll();
        }
    }

    @ParameterizedTest(name = "cap {0}")
    @MethodSource("capacities")
    @Timeout(30)
    void valuesFromOneSenderArriveUncorruptedInFifoOrder(int cap) throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make(cap);
            g.go(() -> {
                for (int i = 0; i < 100; i++) {
                    c.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertThat(c.receive()).as("chan[%d]", cap).isEqualTo(i);
            }

            // The same with the comma-ok receive.
            g.go(() -> {
                for (int i = 0; i < 100; i++) {
                    c.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                Received<Integer> r = c.receiveOk();
                assertThat(r.ok()).as("chan[%d]: receive failed, expected %d", cap, i).isTrue();
                assertThat(r.value()).as("chan[%d]", cap).isEqualTo(i);
            }
            g.joinAll();
        }
    }

    @ParameterizedTest(name = "cap {0}")
    @MethodSource("capacities")
    @Timeout(30)
    void fourProducersAndFourConsumersTransferEveryValueExactlyOnce(int cap) throws Exception {
        final int producers = 4;
        final int perProducer = 1000;
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make(cap);
            for (int p = 0; p < producers; p++) {
                g.go(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        c.send(i);
                    }
                });
            }
            Channel<Map<Integer, Integer>> done = Channel.make();
            for (int p = 0; p < producers; p++) {
                g.go(() -> {
                    Map<Integer, Integer> recv = new HashMap<>();
                    for (int i = 0; i < perProducer; i++) {
                        recv.merge(c.receive(), 1, Integer::sum);
                    }
                    done.send(recv);
                });
            }
            Map<Integer, Integer> recv = new HashMap<>();
            for (int p = 0; p < producers; p++) {
                done.receive().forEach((k, v) -> recv.merge(k, v, Integer::sum));
            }
            assertThat(recv).as("chan[%d]: distinct values received", cap).hasSize(perProducer);
            assertThat(recv.values()).as("chan[%d]: times each value was received", cap)
                    .allMatch(n -> n == producers);
            g.joinAll();
        }
    }

    @ParameterizedTest(name = "cap {0}")
    @MethodSource("capacities")
    void lenAndCapReflectBufferedValues(int cap) throws Exception {
        Channel<Integer> c = Channel.make(cap);
        assertThat(c.len()).isZero();
        assertThat(c.cap()).isEqualTo(cap);
        for (int i = 0; i < cap; i++) {
            c.send(i);
        }
        assertThat(c.len()).isEqualTo(cap);
        assertThat(c.cap()).isEqualTo(cap);
    }

    // ---------------------------------------------------------------------------------------------
    // TestNonblockRecvRace
    // ---------------------------------------------------------------------------------------------

    /**
     * A value buffered before the channel is closed stays receivable, so a non-blocking receive that
     * races with {@code close} and with another receive must always find the channel ready: either the
     * value or the closed state, never "not ready".
     */
    @Test
    @Timeout(60)
    void nonBlockingReceiveRacingWithCloseAlwaysFindsChannelReady() throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            for (int i = 0, n = GoScale.pick(2000, 10_000); i < n; i++) {
                Channel<Integer> c = Channel.make(1);
                c.send(1);
                g.go(() -> {
                    // Go: case <-c:, which on a closed channel is ready with the zero value.
                    boolean ready = select(c.onReceiveOk(r -> true), otherwise(() -> false));
                    if (!ready) {
                        throw new AssertionError("chan is not ready");
                    }
                });
                c.close();
                c.receiveOk();
            }
            g.joinAll();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // TestChanSendInterface
    // ---------------------------------------------------------------------------------------------

    private record Mt() {}

    @Test
    void sendCasesOnFullBufferTakeDefault() throws Exception {
        Mt m = new Mt();
        Channel<Object> c = Channel.make(1);
        c.send(m);
        String first = select(c.onSend(m, () -> "sent"), otherwise(() -> "default"));
        String second = select(c.onSend(m, () -> "sent m"), c.onSend(new Mt(), () -> "sent new"),
                otherwise(() -> "default"));
        assertThat(first).isEqualTo("default");
        assertThat(second).isEqualTo("default");
        assertThat(c.receive()).isSameAs(m);
        assertThat(c.tryReceive()).isNull();
    }

    // ---------------------------------------------------------------------------------------------
    // TestPseudoRandomSend
    // ---------------------------------------------------------------------------------------------

    /**
     * A select with two send cases on one channel must pick between them pseudo-randomly, whether the
     * receiver is already waiting, arrives while the select is blocked, or the value goes into a buffer.
     */
    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {0, 100})
    @Timeout(30)
    void selectBetweenTwoSendsOnOneChannelChoosesPseudoRandomly(int cap) throws Exception {
        final int n = 100;
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make(cap);
            int[] l = new int[n];
            Thread receiver = g.go(() -> {
                for (int i = 0; i < n; i++) {
                    Thread.yield(); // Go: runtime.Gosched()
                    l[i] = c.receive();
                }
            });
            for (int i = 0; i < n; i++) {
                select(c.onSend(1, () -> { }), c.onSend(0, () -> { }));
            }
            GoTestGoroutines.join(receiver); // Go: m.Lock(), which waits for the receiver's m.Unlock()
            g.rethrowFailures();
            int zeros = 0;
            int ones = 0;
            for (int v : l) {
                zeros += (v + 1) % 2;
                ones += v;
            }
            assertThat(zeros > n / 10 && ones > n / 10)
                    .as("want pseudo-random, got %d zeros and %d ones (chan cap %d)", zeros, ones, cap)
                    .isTrue();
        }
    }

    /**
     * The path of {@code TestPseudoRandomSend} that the Go test reaches only by chance: the select with two
     * sends on one channel is already parked when the receiver arrives, so both cases become ready at the
     * same instant and one must be chosen pseudo-randomly. (Go's runtime makes this so on purpose: it
     * seeds its lock order from the random poll order "to permute cases on the same channel".)
     */
    @Test
    @Timeout(30)
    void parkedSelectWithTwoSendsOnOneChannelChoosesPseudoRandomlyWhenReceiverArrives() throws Exception {
        final int n = 100;
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make();
            AtomicLong entering = new AtomicLong();
            Thread sender = g.go(() -> {
                for (int i = 0; i < n; i++) {
                    entering.incrementAndGet();
                    select(c.onSend(1, () -> { }), c.onSend(0, () -> { }));
                }
            });
            int zeros = 0;
            int ones = 0;
            for (int i = 0; i < n; i++) {
                awaitParkedInRound(sender, entering, i + 1);
                int v = c.receive();
                zeros += (v + 1) % 2;
                ones += v;
            }
            g.joinAll();
            assertThat(zeros > n / 10 && ones > n / 10)
                    .as("want pseudo-random, got %d zeros and %d ones", zeros, ones)
                    .isTrue();
        }
    }

    /** The receive-side twin of the test above: a parked select with two receive cases on one channel. */
    @Test
    @Timeout(30)
    void parkedSelectWithTwoReceivesOnOneChannelChoosesPseudoRandomlyWhenSenderArrives() throws Exception {
        final int n = 100;
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> c = Channel.make();
            Channel<Integer> chosen = Channel.make(n);
            AtomicLong entering = new AtomicLong();
            Thread receiver = g.go(() -> {
                for (int i = 0; i < n; i++) {
                    entering.incrementAndGet();
                    chosen.send(select(c.onReceive(v -> 1), c.onReceive(v -> 0)));
                }
            });
            for (int i = 0; i < n; i++) {
                awaitParkedInRound(receiver, entering, i + 1);
                c.send(i);
            }
            g.joinAll();
            int ones = 0;
            for (int i = 0; i < n; i++) {
                ones += chosen.receive();
            }
            int zeros = n - ones;
            assertThat(zeros > n / 10 && ones > n / 10)
                    .as("want pseudo-random, first case chosen %d times, second %d times", ones, zeros)
                    .isTrue();
        }
    }

    /** Waits until the goroutine has entered its {@code round}-th select and is parked in it. */
    private static void awaitParkedInRound(Thread t, AtomicLong entering, long round) throws InterruptedException {
        long deadline = System.nanoTime() + GoTestGoroutines.PATIENCE.toNanos();
        while (entering.get() < round) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("goroutine never reached round " + round);
            }
            Thread.onSpinWait();
        }
        GoTestGoroutines.awaitBlocked(t);
    }

    // ---------------------------------------------------------------------------------------------
    // TestMultiConsumer
    // ---------------------------------------------------------------------------------------------

    @Test
    @Timeout(60)
    void workersRangingOverSharedQueueForwardEveryItemOnce() throws Exception {
        final int nwork = 23;
        final int niter = GoScale.pick(100_000, 271_828);
        final List<Integer> pn = List.of(2, 3, 7, 11, 13, 17, 19, 23, 27, 31);
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> q = Channel.make(nwork * 3);
            Channel<Integer> r = Channel.make(nwork * 3);

            Thread[] workers = new Thread[nwork];
            for (int i = 0; i < nwork; i++) {
                int w = i;
                workers[i] = g.go(() -> {
                    for (Integer v : q) {
                        // mess with the FIFO-ish nature of range
                        if (pn.get(w % pn.size()).equals(v)) {
                            Thread.yield();
                        }
                        r.send(v);
                    }
                });
            }

            AtomicLong expect = new AtomicLong();
            g.go(() -> {
                long sum = 0;
                for (int i = 0; i < niter; i++) {
                    int v = pn.get(i % pn.size());
                    sum += v;
                    q.send(v);
                }
                expect.set(sum);
                q.close(); // no more work
                for (Thread w : workers) {
                    w.join(); // workers done
                }
                r.close(); // ... so there can be no more results
            });

            long n = 0;
            long s = 0;
            for (Integer v : r) {
                n++;
                s += v;
            }
            assertThat(n).as("items forwarded").isEqualTo(niter);
            assertThat(s).as("sum of items forwarded").isEqualTo(expect.get());
            g.joinAll();
        }
    }
}
