package io.chanflow.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chanflow.LeakCheckExtension;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Processor;
import org.reactivestreams.Publisher;

/**
 * The stage as a {@link Processor} ({@link ReactiveChannels#processor}) and stages whose workers take a
 * context ({@link ReactiveChannels#stage(Publisher, Context, int, int, ContextStageBody)},
 * {@link ReactiveChannels#workerPool(Publisher, Context, int, int, io.chanflow.pattern.Worker, int)}).
 */
@ExtendWith(LeakCheckExtension.class)
class StageProcessorAndContextTest {
    private static final Context.Key<String> USER = Context.key("user");

    private static Processor<Integer, Integer> doubling(int workers, int prefetch) {
        return ReactiveChannels.processor(workers, prefetch, (in, out) -> {
            for (Integer x : in) {
                out.send(x * 2);
            }
        });
    }

    @Test
    void aProcessorRunsTheBodyOnWhatItsUpstreamEmitsAndCompletesWithIt() throws Exception {
        Processor<Integer, Integer> p = doubling(3, 8);
        ManualPublisher<Integer> up = new ManualPublisher<>();
        up.subscribe(p);
        RecordingSubscriber<Integer> down = new RecordingSubscriber<>();
        p.subscribe(down);
        down.request(Long.MAX_VALUE);
        up.emit(1, 2, 3, 4, 5);
        up.complete();

        assertThat(down.awaitTermination()).isTrue();
        assertThat(down.values).containsExactlyInAnyOrder(2, 4, 6, 8, 10);
        assertThat(down.completed).isTrue();
    }

    @Test
    void aProcessorAsksItsUpstreamForPrefetchAndNoMoreBeforeItsSubscriberComes() throws Exception {
        Processor<Integer, Integer> p = doubling(2, 8);
        ManualPublisher<Integer> up = new ManualPublisher<>();
        up.subscribe(p);
        up.emit(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(up.requested.get()).isEqualTo(8);

        RecordingSubscriber<Integer> down = new RecordingSubscriber<>();
        p.subscribe(down);
        down.request(8);
        await().until(() -> down.values.size() == 8);
        up.complete();
        assertThat(down.awaitTermination()).isTrue();
        assertThat(down.values).containsExactlyInAnyOrder(2, 4, 6, 8, 10, 12, 14, 16);
    }

    @Test
    void aProcessorRefusesASecondSubscriberWithOnSubscribeThenIllegalStateException() throws Exception {
        Processor<Integer, Integer> p = doubling(1, 4);
        ManualPublisher<Integer> up = new ManualPublisher<>();
        up.subscribe(p);
        RecordingSubscriber<Integer> first = new RecordingSubscriber<>();
        RecordingSubscriber<Integer> second = new RecordingSubscriber<>();
        p.subscribe(first);
        p.subscribe(second);

        assertThat(second.awaitTermination()).isTrue();
        assertThat(second.subscription).isNotNull();
        assertThat(second.error).isInstanceOf(IllegalStateException.class);
        first.request(1);
        up.emit(21);
        await().until(() -> first.values.equals(java.util.List.of(42)));
        up.complete();
        assertThat(first.awaitTermination()).isTrue();
    }

    @Test
    void aProcessorsSubscriberCancelCancelsItsUpstream() throws Exception {
        Processor<Integer, Integer> p = doubling(2, 4);
        ManualPublisher<Integer> up = new ManualPublisher<>();
        up.subscribe(p);
        RecordingSubscriber<Integer> down = new RecordingSubscriber<>();
        p.subscribe(down);
        down.subscription.cancel();
        await().untilTrue(up.cancelled);
    }

    @Test
    void contextStageWorkersSeeTheParentsValues() throws Exception {
        Context parent = Context.withValue(Context.background(), USER, "ann");
        Publisher<String> out = ReactiveChannels.stage(ReactiveChannels.publisher(ReactiveChannelsTest.closedChannelOf(1, 2)),
                parent, 2, 4, (ContextStageBody<Integer, String>) (ctx, in, o) -> {
                    for (Integer x : in) {
                        o.send(ctx.value(USER) + x);
                    }
                });
        RecordingSubscriber<String> down = new RecordingSubscriber<>();
        out.subscribe(down);
        down.request(10);
        assertThat(down.awaitTermination()).isTrue();
        assertThat(down.values).containsExactlyInAnyOrder("ann1", "ann2");
        assertThat(down.completed).isTrue();
    }

    @Test
    void aParentThatIsDoneCancelsTheStageAndDownstreamGetsItsCause() throws Exception {
        CancelContext parent = Context.withCancelCause(Context.background());
        ManualPublisher<Integer> up = new ManualPublisher<>();
        CopyOnWriteArrayList<Throwable> seenByWorkers = new CopyOnWriteArrayList<>();
        Publisher<Integer> out = ReactiveChannels.stage(up, parent, 2, 4, (ContextStageBody<Integer, Integer>) (ctx, in, o) -> {
            try {
                for (Integer x : in) {
                    o.send(x);
                }
            } finally {
                seenByWorkers.add(ctx.cause());
            }
        });
        RecordingSubscriber<Integer> down = new RecordingSubscriber<>();
        out.subscribe(down);
        down.request(10);
        up.emit(1);
        await().until(() -> down.values.size() == 1);
        IllegalStateException why = new IllegalStateException("shutting down");
        parent.cancel(why);

        assertThat(down.awaitTermination()).isTrue();
        assertThat(down.error).isSameAs(why);
        assertThat(up.cancelled).isTrue();
        await().until(() -> seenByWorkers.size() == 2);
        assertThat(seenByWorkers).containsOnly(why);
    }

    @Test
    void aDownstreamCancelCancelsTheContextTheWorkersWatch() throws Exception {
        ManualPublisher<Integer> up = new ManualPublisher<>();
        CopyOnWriteArrayList<Boolean> doneSeen = new CopyOnWriteArrayList<>();
        Publisher<Integer> out = ReactiveChannels.stage(up, Context.background(), 1, 4,
                (ContextStageBody<Integer, Integer>) (ctx, in, o) -> {
                    ctx.done().await(); // a worker that watches only its context
                    doneSeen.add(true);
                });
        RecordingSubscriber<Integer> down = new RecordingSubscriber<>();
        out.subscribe(down);
        down.subscription.cancel();
        await().until(() -> doneSeen.size() == 1);
        assertThat(up.cancelled).isTrue();
    }

    @Test
    void aWorkerPoolsWorkersSeeTheParentsValuesAndAParentCancelEndsItWithTheCause() throws Exception {
        CancelContext parent = Context.withCancelCause(Context.withValue(Context.background(), USER, "bob"));
        ManualPublisher<Integer> up = new ManualPublisher<>();
        Publisher<String> out = ReactiveChannels.<Integer, String>workerPool(up, parent, 2, 2,
                (ctx, job) -> ctx.value(USER) + job, 4);
        RecordingSubscriber<String> down = new RecordingSubscriber<>();
        out.subscribe(down);
        down.request(10);
        up.emit(7);
        await().until(() -> down.values.size() == 1);
        assertThat(down.values).containsExactly("bob7");
        IllegalStateException why = new IllegalStateException("stop");
        parent.cancel(why);

        assertThat(down.awaitTermination()).isTrue();
        assertThat(down.error).isSameAs(why);
        await().untilTrue(up.cancelled);
    }

    @Test
    void aFanOutBranchRejectsANullSubscriberBeforeItSubscribesTheSource() {
        ManualPublisher<Integer> up = new ManualPublisher<>();
        Publisher<Integer> branch = ReactiveChannels.<Integer>fanOut(up, 2, io.chanflow.pattern.Distribution.ROUND_ROBIN, 4).get(0);

        org.assertj.core.api.Assertions.assertThatNullPointerException().isThrownBy(() -> branch.subscribe(null));
        assertThat(up.requests).as("the source was not subscribed").isEmpty();
    }
}
