package io.chanflow.rx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chanflow.Channel;
import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RxJava's side of cancellation and time: {@link Disposable} handles on the subscriptions a bridge makes,
 * stages whose workers take a Chanflow context, and bridges driven by a {@link TestScheduler}'s virtual
 * time (the channels in between add no clock of their own).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ChanFlowableDisposableAndTimeTest {
    private static final Context.Key<String> USER = Context.key("user");
    @Test
    void disposingIntoCancelsTheSourceAndClosesTheChannelWithContextDone() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        PublishProcessor<Integer> source = PublishProcessor.create();
        Channel<Integer> ch = Channel.make(4);

        Disposable d = ChanFlowable.into(source.doOnCancel(() -> cancelled.set(true)), ch, 4);
        assertThat(d.isDisposed()).isFalse();
        d.dispose();

        assertThat(d.isDisposed()).isTrue();
        await().untilTrue(cancelled);
        Received<Integer> r = ch.receiveOk();
        assertThat(r.ok()).isFalse();
        assertThat(r.cause()).isInstanceOf(ContextDoneException.class);
        d.dispose(); // idempotent
    }

    @Test
    void disposingAToChannelSubscriptionKeepsTheBufferedValuesThenClosesTheChannel() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        PublishProcessor<Integer> source = PublishProcessor.create();
        ChanFlowable.Subscribed<Integer> sub =
                ChanFlowable.toChannelDisposable(source.doOnCancel(() -> cancelled.set(true)), 4);
        await().until(source::hasSubscribers);
        source.onNext(1);
        source.onNext(2);

        sub.disposable().dispose();
        await().untilTrue(cancelled);
        assertThat(sub.channel().receive()).isEqualTo(1);
        assertThat(sub.channel().receive()).isEqualTo(2);
        Received<Integer> end = sub.channel().receiveOk();
        assertThat(end.ok()).isFalse();
        assertThat(end.cause()).isInstanceOf(ContextDoneException.class);
    }

    @Test
    void contextStageWorkersSeeTheParentsValuesAndAParentCancelFailsTheStageWithItsCause() {
        CancelContext parent = Context.withCancelCause(Context.withValue(Context.background(), USER, "eve"));
        PublishProcessor<Integer> source = PublishProcessor.create();
        TestSubscriber<String> ts = source
                .compose(ChanFlowable.stage(parent, 2, 4, (Context ctx, ReceiveChannel<Integer> in, SendChannel<String> o) -> {
                    for (Integer x : in) {
                        o.send(ctx.value(USER) + x);
                    }
                }))
                .test();
        await().until(source::hasSubscribers);
        source.onNext(1);
        ts.awaitCount(1);
        ts.assertValuesOnly("eve1");

        IllegalStateException why = new IllegalStateException("shutdown");
        parent.cancel(why);
        ts.awaitDone(5, TimeUnit.SECONDS);
        ts.assertError(why);
        await().until(() -> !source.hasSubscribers());
    }

    @Test
    void aBridgeOverAnIntervalFollowsTheTestSchedulersVirtualTime() {
        TestScheduler time = new TestScheduler();
        Flowable<Long> ticks = Flowable.interval(1, TimeUnit.HOURS, time).take(3);
        TestSubscriber<Long> ts = ChanFlowable.from(ChanFlowable.toChannel(ticks, 2)).test();

        time.advanceTimeBy(59, TimeUnit.MINUTES);
        ts.assertNoValues();
        time.advanceTimeBy(1, TimeUnit.MINUTES);
        ts.awaitCount(1);
        ts.assertValuesOnly(0L);
        time.advanceTimeBy(1, TimeUnit.HOURS); // one hour at a time: interval cannot be backpressured
        ts.awaitCount(2);
        time.advanceTimeBy(1, TimeUnit.HOURS);
        ts.awaitDone(5, TimeUnit.SECONDS);
        ts.assertResult(0L, 1L, 2L);
    }

    @Test
    void aStageOverAnIntervalFollowsTheTestSchedulersVirtualTime() {
        TestScheduler time = new TestScheduler();
        TestSubscriber<Long> ts = Flowable.interval(1, TimeUnit.DAYS, time).take(4)
                .compose(ChanFlowable.stageOrdered(2, x -> x * 10))
                .test();

        time.advanceTimeBy(1, TimeUnit.DAYS);
        ts.awaitCount(1);
        time.advanceTimeBy(1, TimeUnit.DAYS);
        ts.awaitCount(2);
        ts.assertValuesOnly(0L, 10L);
        time.advanceTimeBy(1, TimeUnit.DAYS);
        ts.awaitCount(3);
        time.advanceTimeBy(1, TimeUnit.DAYS);
        ts.awaitDone(5, TimeUnit.SECONDS);
        ts.assertResult(0L, 10L, 20L, 30L);
    }
}
