package io.chanflow.goport;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.Received;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Port of Go's {@code test/closedchan.go}: the behaviour of a closed channel, through three implementations
 * of the same operations: direct channel operations ({@code XChan}), one-case selects ({@code SChan}) and
 * selects with an extra never-ready case ({@code SSChan}); on a closed unbuffered channel ({@code test1})
 * and on a closed buffered channel that still holds one value ({@code testasync1..4}, one per way of taking
 * that value).
 *
 * <p>Go's receive from a closed channel yields the zero value with {@code ok == false}, and a non-blocking
 * receive is "selected". Java has no zero value: a plain receive of any form throws
 * {@link ChannelClosedException} ({@code "receive from closed channel"}), which is how the port checks that
 * it was selected rather than reported "not ready"; the comma-ok forms return {@code ok == false}. Go's
 * panics on send to a closed channel and on closing twice are {@link ChannelClosedException}; closing the
 * nil channel is {@link IllegalStateException}.
 */
@Timeout(60)
class ClosedChanTest {

    /** Go's Chan interface: the operations under test. Non-blocking forms return null when not ready. */
    private interface Chan {
        void send(int x) throws InterruptedException;

        boolean nbsend(int x);

        int recv() throws InterruptedException;

        Integer nbrecv() throws InterruptedException;

        Received<Integer> recv2() throws InterruptedException;

        Received<Integer> nbrecv2() throws InterruptedException;

        void close();

        String impl();
    }

    /** Direct channel operations where possible. */
    private record XChan(Channel<Integer> c) implements Chan {
        public void send(int x) throws InterruptedException {
            c.send(x);
        }

        public boolean nbsend(int x) {
            return c.trySend(x);
        }

        public int recv() throws InterruptedException {
            return c.receive();
        }

        public Integer nbrecv() {
            return c.tryReceive();
        }

        public Received<Integer> recv2() throws InterruptedException {
            return c.receiveOk();
        }

        public Received<Integer> nbrecv2() {
            return c.tryReceiveOk();
        }

        public void close() {
            c.close();
        }

        public String impl() {
            return "(direct operations)";
        }
    }

    /** Operations through one-case selects (plus default for the non-blocking ones). */
    private record SChan(Channel<Integer> c) implements Chan {
        public void send(int x) throws InterruptedException {
            select(c.onSend(x, () -> { }));
        }

        public boolean nbsend(int x) {
            try {
                return select(otherwise(() -> false), c.onSend(x, () -> true));
            } catch (InterruptedException e) {
                throw new AssertionError("a select with a default blocked", e);
            }
        }

        public int recv() throws InterruptedException {
            return select(c.onReceive(x -> x));
        }

        public Integer nbrecv() throws InterruptedException {
            return select(otherwise(() -> null), c.onReceive(x -> x));
        }

        public Received<Integer> recv2() throws InterruptedException {
            return select(c.onReceiveOk(r -> r));
        }

        public Received<Integer> nbrecv2() throws InterruptedException {
            return select(otherwise(() -> null), c.onReceiveOk(r -> r));
        }

        public void close() {
            c.close();
        }

        public String impl() {
            return "(select)";
        }
    }

    /** A channel that is never sent on: the extra case of the larger selects. */
    private static final Channel<Boolean> DUMMY = Channel.make();

    /** Operations through larger selects, with a never-ready extra case. */
    private record SSChan(Channel<Integer> c) implements Chan {
        private static int unexpected() {
            throw new AssertionError("dummy case chosen");
        }

        public void send(int x) throws InterruptedException {
            select(c.onSend(x, () -> 0), DUMMY.onReceive(b -> unexpected()));
        }

        public boolean nbsend(int x) {
            try {
                return select(otherwise(() -> false), DUMMY.onReceive(b -> unexpected() == 0),
                        c.onSend(x, () -> true));
            } catch (InterruptedException e) {
                throw new AssertionError("a select with a default blocked", e);
            }
        }

        public int recv() throws InterruptedException {
            return select(DUMMY.onReceive(b -> unexpected()), c.onReceive(x -> x));
        }

        public Integer nbrecv() throws InterruptedException {
            return select(DUMMY.onReceive(b -> unexpected()), otherwise(() -> null), c.onReceive(x -> x));
        }

        public Received<Integer> recv2() throws InterruptedException {
            return select(DUMMY.onReceive(b -> null), c.onReceiveOk(r -> r));
        }

        public Received<Integer> nbrecv2() throws InterruptedException {
            return select(DUMMY.onReceive(b -> null), otherwise(() -> null), c.onReceiveOk(r -> r));
        }

        public void close() {
            c.close();
        }

        public String impl() {
            return "(larger select)";
        }
    }

    private static void assertReceiveReportsClosed(ThrowingReceive r, String what, Chan c) {
        assertThatThrownBy(r::run)
                .as("%s on closed %s", what, c.impl())
                .isInstanceOf(ChannelClosedException.class)
                .hasMessage("receive from closed channel");
    }

    private interface ThrowingReceive {
        void run() throws Exception;
    }

    /** Go's test1: everything a closed, drained channel does, three times over. */
    private static void test1(Chan c) throws Exception {
        for (int i = 0; i < 3; i++) {
            // Receive a close signal (Go: a zero value).
            assertReceiveReportsClosed(c::recv, "recv", c);
            Received<Integer> r2 = c.recv2();
            assertThat(r2.ok()).as("recv2 on closed %s: ok", c.impl()).isFalse();
            assertThat(r2.value()).as("recv2 on closed %s: value", c.impl()).isNull();

            // Also with the non-blocking forms: the closed state is received at once (selected), not "not
            // ready". For the plain form, being selected shows as the exception rather than null.
            assertReceiveReportsClosed(c::nbrecv, "nbrecv", c);
            Received<Integer> nb2 = c.nbrecv2();
            assertThat(nb2).as("nbrecv2 on closed %s: selected", c.impl()).isNotNull();
            assertThat(nb2.ok()).as("nbrecv2 on closed %s: ok", c.impl()).isFalse();
        }

        // Sending panics, also without blocking, and the value is discarded.
        assertThatThrownBy(() -> c.nbsend(1)).isInstanceOf(ChannelClosedException.class)
                .hasMessage("send on closed channel");
        assertReceiveReportsClosed(c::recv, "recv after send on closed", c);

        assertThatThrownBy(() -> c.send(2)).isInstanceOf(ChannelClosedException.class)
                .hasMessage("send on closed channel");
        assertReceiveReportsClosed(c::recv, "recv after send on closed", c);
    }

    /** The last value is still there via recv. */
    private static void testAsync1(Chan c) throws Exception {
        assertThat(c.recv()).as("testasync1: %s", c.impl()).isEqualTo(1);
        test1(c);
    }

    /** ... via recv2. */
    private static void testAsync2(Chan c) throws Exception {
        Received<Integer> r = c.recv2();
        assertThat(r.ok()).isTrue();
        assertThat(r.value()).as("testasync2: %s", c.impl()).isEqualTo(1);
        test1(c);
    }

    /** ... via nbrecv. */
    private static void testAsync3(Chan c) throws Exception {
        assertThat(c.nbrecv()).as("testasync3: %s", c.impl()).isEqualTo(1);
        test1(c);
    }

    /** ... via nbrecv2. */
    private static void testAsync4(Chan c) throws Exception {
        Received<Integer> r = c.nbrecv2();
        assertThat(r).isNotNull();
        assertThat(r.ok()).isTrue();
        assertThat(r.value()).as("testasync4: %s", c.impl()).isEqualTo(1);
        test1(c);
    }

    private static Channel<Integer> closedSync() {
        Channel<Integer> c = Channel.make();
        c.close();
        return c;
    }

    private static Channel<Integer> closedAsync() throws InterruptedException {
        Channel<Integer> c = Channel.make(2);
        c.send(1);
        c.close();
        return c;
    }

    private interface ClosedTest {
        void run(Chan c) throws Exception;
    }

    private static final List<Function<Channel<Integer>, Chan>> MKS = List.of(XChan::new, SChan::new, SSChan::new);

    static Stream<Arguments> implementations() {
        return Stream.of(Arguments.of("XChan", MKS.get(0)), Arguments.of("SChan", MKS.get(1)),
                Arguments.of("SSChan", MKS.get(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void closedUnbufferedChannelReportsClosedToEveryOperation(String name, Function<Channel<Integer>, Chan> mk)
            throws Exception {
        test1(mk.apply(closedSync()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void closedBufferedChannelYieldsItsLastValueThenReportsClosed(String name, Function<Channel<Integer>, Chan> mk)
            throws Exception {
        List<ClosedTest> tests = new ArrayList<>(List.of(
                ClosedChanTest::testAsync1, ClosedChanTest::testAsync2,
                ClosedChanTest::testAsync3, ClosedChanTest::testAsync4));
        for (ClosedTest t : tests) {
            t.run(mk.apply(closedAsync()));
        }
    }

    @Test
    void closingNilOrClosedChannelPanics() {
        Channel<Integer> nil = Channel.nil();
        assertThatThrownBy(nil::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("close of nil channel");

        Channel<Integer> ch = Channel.make();
        ch.close();
        assertThatThrownBy(ch::close).isInstanceOf(ChannelClosedException.class)
                .hasMessage("close of closed channel");
    }
}
