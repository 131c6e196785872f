package io.chanflow.goport;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/zerosize.go}: making channels of a zero-size element type
 * ({@code [0]byte}, {@code struct{}}) must not fail. The Java stand-ins are an empty array and an empty
 * record; the port also moves one value through each channel.
 */
@Timeout(60)
class ZeroSizeTest {
    private record Empty() {}

    @Test
    void channelsOfZeroSizeElementsCanBeMadeAndUsed() throws Exception {
        Channel<byte[]> a0 = Channel.make();
        Channel<byte[]> a1 = Channel.make(1);
        Channel<Empty> s0 = Channel.make();
        Channel<Empty> s1 = Channel.make(1);
        assertThat(a0.cap()).isZero();
        assertThat(s0.cap()).isZero();

        byte[] none = new byte[0];
        a1.send(none);
        assertThat(a1.receive()).isSameAs(none);
        s1.send(new Empty());
        assertThat(s1.receive()).isEqualTo(new Empty());
    }
}
