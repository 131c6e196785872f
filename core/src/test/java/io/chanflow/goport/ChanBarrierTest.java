package io.chanflow.goport;

import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.DoneChannel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code src/runtime/chanbarrier_test.go}: {@code TestChanSendBarrier} and
 * {@code TestChanSendSelectBarrier}.
 *
 * <p>In Go these guard the GC write barrier on the direct copy from a parked sender to a receiver. The Java
 * counterpart is safe publication: a freshly allocated object handed over an unbuffered channel (by a plain
 * send or a select send case) must arrive fully constructed, while the receiver churns garbage. Each
 * request uses a fresh channel and a fresh goroutine, as in Go's original {@code doRequest}. Sizes are Go's
 * {@code -short} ones: 10 workers of 1,000 requests (Go: 100 of 100,000; see {@link GoScale}).
 */
@Timeout(60)
class ChanBarrierTest {

    private record Response() {}

    private static final class MyError extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The value sent: a pair whose fields must be visible to the receiver. */
    private record Async(Response resp, Exception err) {}

    private static Async doRequest(GoTestGoroutines g, boolean useSelect) throws InterruptedException {
        Channel<Async> ch = Channel.make();
        DoneChannel done = DoneChannel.make();
        if (useSelect) {
            g.go(() -> select(ch.onSend(new Async(null, new MyError()), () -> { }), done.onDone(() -> { })));
        } else {
            g.go(() -> ch.send(new Async(null, new MyError())));
        }
        Async r = ch.receive();
        Thread.yield(); // Go: runtime.Gosched()
        return r;
    }

    @ParameterizedTest(name = "useSelect={0}")
    @ValueSource(booleans = {false, true})
    @Timeout(60)
    void freshValueHandedOverUnbufferedChannelArrivesIntactUnderGarbagePressure(boolean useSelect)
            throws Exception {
        final int outer = GoScale.pick(10, 100);
        final int inner = GoScale.pick(1000, 100_000);
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            for (int i = 0; i < outer; i++) {
                g.go(() -> {
                    byte[] garbage = null;
                    for (int j = 0; j < inner; j++) {
                        Async r = doRequest(g, useSelect);
                        if (!(r.err() instanceof MyError) || r.resp() != null) {
                            throw new AssertionError("received a corrupted value: " + r);
                        }
                        garbage = new byte[1 << 10];
                    }
                    assertThat(garbage).hasSize(1 << 10);
                });
            }
            g.joinAll();
        }
    }
}
