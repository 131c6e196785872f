package io.chanflow.goport;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/goroutines.go}: make a lot of goroutines, threaded together by unbuffered
 * channels (each forwards one value from its right neighbour to its left), push one value through, and
 * tear them all down cleanly. Go's count, 10,000.
 */
@Timeout(60)
class GoroutineChainTest {

    @Test
    @Timeout(60)
    void valueTravelsThroughTenThousandChainedGoroutines() throws Exception {
        final int n = 10_000;
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> leftmost = Channel.make();
            Channel<Integer> left = leftmost;
            Channel<Integer> right = leftmost;
            for (int i = 0; i < n; i++) {
                right = Channel.make();
                Channel<Integer> l = left;
                Channel<Integer> r = right;
                g.go(() -> l.send(r.receive()));
                left = right;
            }
            Channel<Integer> rightmost = right;
            g.go(() -> rightmost.send(1));
            assertThat(leftmost.receive()).isEqualTo(1);
            g.joinAll();
        }
    }
}
