package io.chanflow.goport;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/sendstmt.go}, which checks parsing cases of the send statement. The
 * semantic content that carries over to Java: a select send case whose channel is itself received from a
 * channel of channels ({@code case <-cc <- 2:}), evaluated when the select starts; and sending the value of
 * an expression ({@code c <- false || true}).
 */
@Timeout(60)
class SendStmtTest {

    @Test
    void sendCaseOnChannelReceivedFromChannelOfChannels() throws Exception {
        Channel<Channel<Integer>> cc = Channel.make(1);
        Channel<Integer> c = Channel.make(1);
        cc.send(c);
        String r = select(cc.receive().onSend(2, () -> "sent"), otherwise(() -> "nonblock"));
        assertThat(r).isEqualTo("sent");
        assertThat(c.receive()).as("bad receive").isEqualTo(2);
    }

    @Test
    @SuppressWarnings("ConstantConditions")
    void sendTransmitsTheValueOfTheWholeExpression() throws Exception {
        Channel<Boolean> c = Channel.make(1);
        boolean f = false;
        c.send(f || true);
        assertThat(c.receive()).as("sent false").isTrue();
    }
}
