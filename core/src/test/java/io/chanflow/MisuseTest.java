package io.chanflow;

import static io.chanflow.Go.go;
import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.TestSupport.Outcome;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.sync.ErrGroup;
import io.chanflow.sync.Semaphore;
import io.chanflow.sync.WaitGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every row of docs/misuse.md, in order. */
@Timeout(30)
@ExtendWith(LeakCheckExtension.class)
class MisuseTest {

    @Test
    void capacityOutOfRangeIsRejected() {
        assertThatThrownBy(() -> Channel.make(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("negative channel capacity: -1");
        assertThatThrownBy(() -> Channel.make(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(Channel.MAX_CAPACITY));
    }

    @Test
    void nullElementsAreRejectedAndNothingIsSent() {
        Channel<String> ch = Channel.make(1);
        assertThatThrownBy(() -> ch.send(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ch.trySend(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ch.onSend(null, () -> {})).isInstanceOf(NullPointerException.class);
        assertThat(ch.len()).isZero();
    }

    @Test
    void sendOnAClosedChannelFailsWithTheCause() {
        Channel<String> ch = Channel.make(1);
        IOException why = new IOException("why");
        ch.close(why);
        assertThatThrownBy(() -> ch.send("x")).isInstanceOf(ChannelClosedException.class)
                .hasMessage("send on closed channel").hasCause(why);
        assertThatThrownBy(() -> ch.trySend("x")).isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(() -> select(ch.onSend("x", () -> {}))).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void doubleCloseAndCloseOfNilFail() {
        Channel<String> ch = Channel.make();
        ch.close();
        assertThatThrownBy(ch::close).isInstanceOf(ChannelClosedException.class).hasMessage("close of closed channel");
        assertThatThrownBy(() -> Channel.nil().close()).isInstanceOf(IllegalStateException.class)
                .hasMessage("close of nil channel");
        Channel<String> open = Channel.make();
        assertThatThrownBy(() -> open.close(null)).isInstanceOf(NullPointerException.class);
        assertThat(open.trySend("still open")).isFalse(); // open: no receiver, but no exception either
    }

    @Test
    void receiveOnAClosedDrainedChannelThrowsButReceiveOkReports() throws Exception {
        Channel<String> ch = Channel.make();
        ch.close();
        assertThatThrownBy(ch::receive).isInstanceOf(ChannelClosedException.class)
                .hasMessage("receive from closed channel");
        assertThat(ch.receiveOk().ok()).isFalse();
        assertThatThrownBy(() -> select(ch.onReceive(v -> v))).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void directionalViewsCannotBeCastBack() {
        Channel<String> ch = Channel.make();
        Object send = ch.sendOnly();
        Object recv = ch.receiveOnly();
        assertThatThrownBy(() -> ((ReceiveChannel<?>) send).tryReceive()).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> ((SendChannel<?>) recv).close()).isInstanceOf(ClassCastException.class);
    }

    @Test
    void selectMisuse() throws Exception {
        assertThatThrownBy(() -> select(otherwise(() -> 1), otherwise(() -> 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("multiple defaults in select");
        assertThatThrownBy(() -> select((SelectCase<Object>) null)).isInstanceOf(NullPointerException.class);
        Outcome empty = new Outcome(() -> select());
        TestSupport.awaitParked(empty.thread);
        empty.thread.interrupt();
        assertThat(empty.join()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void nonPositiveTickerIntervalIsRejected() {
        assertThatThrownBy(() -> Go.tick(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("non-positive interval for Ticker");
        assertThatThrownBy(() -> Go.tick(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlockingCallOnAnInterruptedThreadThrowsAtOnceWithNoEffect() {
        Channel<String> ch = Channel.make(1);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> ch.send("x")).isInstanceOf(InterruptedException.class);
        assertThat(ch.len()).isZero();
    }

    @Test
    void syncMisuse() throws Exception {
        assertThatThrownBy(() -> new WaitGroup().done()).isInstanceOf(IllegalStateException.class)
                .hasMessage("sync: negative WaitGroup counter");
        Semaphore s = new Semaphore(2);
        assertThatThrownBy(() -> s.acquire(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.release(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("semaphore: released more than held");
        ErrGroup g = new ErrGroup();
        CountDownLatch release = new CountDownLatch(1);
        g.go(release::await);
        assertThatThrownBy(() -> g.setLimit(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("errgroup: modify limit while");
        release.countDown();
        g.await();
    }

    @Test
    void contextMisuse() {
        assertThatThrownBy(() -> Context.withValue(Context.background(), Context.key("k"), null))
                .isInstanceOf(NullPointerException.class);
        CancelContext ctx = Context.withCancel(Context.background());
        assertThatThrownBy(() -> ctx.cancel(null)).isInstanceOf(NullPointerException.class);
        assertThat(ctx.err()).isNull();
        ctx.cancel();
        ctx.cancel();
        assertThat(ctx.err()).isNotNull();
    }

    @Test
    void aSenderBlockedAtCloseFailsAndItsValueIsNotDelivered() throws Exception {
        Channel<String> ch = Channel.make();
        Outcome sender = new Outcome(() -> ch.send("lost?"));
        TestSupport.awaitQueued(ch, 1);
        ch.close();
        assertThat(sender.join()).isInstanceOf(ChannelClosedException.class);
        assertThat(ch.receiveOk().ok()).isFalse();
        assertThat(go(() -> {}).join(Duration.ofSeconds(5))).isTrue();
    }
}
