package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static io.chanflow.TestSupport.awaitQueued;
import static io.chanflow.TestSupport.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class GoroutinesTest {

    @Test
    void theDumpShowsWhoIsBlockedOnWhichChannelAndSinceWhen() throws Exception {
        Channel<Integer> in = Channel.make();
        Channel<Integer> out = Channel.make();
        Thread receiver = go(in::receiveOk);
        Thread sender = go(() -> out.trySend(1, Duration.ofMinutes(1)));
        Thread selector = go(() -> select(in.onReceiveOkDo(v -> {}), out.onSend(2, () -> {}), Go.after(Duration.ofMinutes(1), () -> {})));
        awaitQueued(in, 2);
        awaitQueued(out, 2);
        org.awaitility.Awaitility.await().until(() -> Goroutines.list().stream()
                .filter(g -> List.of(receiver, sender, selector).contains(g.thread()))
                .allMatch(g -> !g.blockedFor().isZero()));
        String dump = Goroutines.dump();
        assertThat(dump)
                .contains("[chan receive, ")
                .contains("[chan send, ")
                .contains("[select, ")
                .contains("waiting on " + in)
                .contains("created by ").contains("io.chanflow.GoroutinesTest.theDumpShowsWho");
        assertThat(dump).contains("waiting on " + in + " (receive), " + out + " (send), timeout");
        in.close(); // ends the receiver and the select
        join(receiver);
        join(selector);
        assertThat(out.receive()).isEqualTo(1);
        join(sender);
    }

    @Test
    void aGoroutineThatEndsIsNoLongerListed() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        Thread t = go(() -> {});
        join(t);
        assertThat(Goroutines.startedSince(before)).isEmpty();
    }

    @Test
    void theLeakCheckNamesAGoroutineLeftBlocked() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        Channel<Integer> never = Channel.make();
        Thread leaked = go(never::receiveOk);
        awaitQueued(never, 1);
        assertThatThrownBy(() -> Goroutines.verifyNoLeaks(before, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 goroutine(s) leaked")
                .hasMessageContaining("chan receive")
                .hasMessageContaining("io.chanflow.GoroutinesTest.theLeakCheckNamesAGoroutineLeftBlocked");
        never.close(); // end it, so this test itself leaks nothing
        join(leaked);
        Goroutines.verifyNoLeaks(before, Duration.ofSeconds(1));
    }

    @Test
    void theLeakCheckWaitsForGoroutinesThatAreFinishing() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        Channel<Integer> ch = Channel.make();
        go(() -> ch.send(1));
        ch.receive(); // the sender is now finishing
        Goroutines.verifyNoLeaks(before, Duration.ofSeconds(5));
    }
}
