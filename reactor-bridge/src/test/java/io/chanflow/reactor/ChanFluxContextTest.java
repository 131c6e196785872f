package io.chanflow.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.ContextView;

/**
 * Reactor {@code Context} and Chanflow {@link Context}, both ways: channel code in an operator sees the
 * subscriber's Reactor context by key, sources behind an operator still see it, cancelling the subscriber
 * cancels the workers' context, and a Chanflow context that governs {@code toChannel}/{@code into} is in
 * the source's Reactor context.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ChanFluxContextTest {
    private static final Context.Key<String> USER = Context.key("user");
    @Test
    void stageWorkersFindTheSubscribersReactorContextEntriesByKey() {
        Flux<String> out = Flux.range(1, 3)
                .transform(ChanFlux.stage(2, (Context ctx, ReceiveChannel<Integer> in, SendChannel<String> o) -> {
                    for (Integer x : in) {
                        o.send(ctx.value(USER) + x);
                    }
                }))
                .contextWrite(c -> c.put(USER, "ann"));

        StepVerifier.create(out).expectNextCount(3).verifyComplete();
        assertThat(out.collectList().block()).containsExactlyInAnyOrder("ann1", "ann2", "ann3");
    }

    @Test
    void theWholeReactorContextIsUnderReactorContextKey() {
        List<ContextView> seen = new CopyOnWriteArrayList<>();
        Flux<Integer> out = Flux.just(1)
                .transform(ChanFlux.stage(1, (Context ctx, ReceiveChannel<Integer> in, SendChannel<Integer> o) -> {
                    seen.add(ctx.value(ChanFlux.REACTOR_CONTEXT));
                    for (Integer x : in) {
                        o.send(x);
                    }
                }))
                .contextWrite(c -> c.put("trace", "t-42"));

        StepVerifier.create(out).expectNext(1).verifyComplete();
        assertThat(seen).singleElement().satisfies(view -> assertThat(view.<String>get("trace")).isEqualTo("t-42"));
    }

    @Test
    void aSourceBehindAnOperatorStillSeesTheSubscribersReactorContext() {
        Flux<String> source = Flux.deferContextual(view -> Flux.just(view.<String>get("trace")));

        StepVerifier.create(source.transform(ChanFlux.stage(1, (ReceiveChannel<String> in, SendChannel<String> o) -> {
                    for (String s : in) {
                        o.send(s);
                    }
                })).contextWrite(c -> c.put("trace", "t-1")))
                .expectNext("t-1").verifyComplete();
        StepVerifier.create(source.transform(ChanFlux.stageOrdered(2, s -> s + "!")).contextWrite(c -> c.put("trace", "t-2")))
                .expectNext("t-2!").verifyComplete();
        StepVerifier.create(source.transform(ChanFlux.workerPool(2, 1, (ctx, s) -> s + "?")).contextWrite(c -> c.put("trace", "t-3")))
                .expectNext("t-3?").verifyComplete();
        StepVerifier.create(ChanFlux.fanIn(source, source).contextWrite(c -> c.put("trace", "t-4")))
                .expectNext("t-4", "t-4").verifyComplete();
        StepVerifier.create(ChanFlux.bridge(Flux.just(source, source)).contextWrite(c -> c.put("trace", "t-5")))
                .expectNext("t-5", "t-5").verifyComplete();
    }

    @Test
    void workerPoolWorkersFindTheReactorContextEntriesByKey() {
        StepVerifier.create(Flux.just(1, 2)
                        .transform(ChanFlux.<Integer, String>workerPool(2, 2, (ctx, job) -> ctx.value(USER) + job))
                        .contextWrite(c -> c.put(USER, "bob")))
                .recordWith(CopyOnWriteArrayList::new)
                .expectNextCount(2)
                .consumeRecordedWith(r -> assertThat(r).containsExactlyInAnyOrder("bob1", "bob2"))
                .verifyComplete();
    }

    @Test
    void cancellingTheSubscriberCancelsTheWorkersContext() {
        List<Throwable> causes = new CopyOnWriteArrayList<>();
        Flux<Integer> out = Flux.<Integer>never()
                .transform(ChanFlux.stage(2, (Context ctx, ReceiveChannel<Integer> in, SendChannel<Integer> o) -> {
                    ctx.done().await();
                    causes.add(ctx.cause());
                }));

        StepVerifier.create(out).thenRequest(1).thenCancel().verify();
        await().until(() -> causes.size() == 2);
        assertThat(causes).allSatisfy(c -> assertThat(c).isNotNull());
    }

    @Test
    void toChannelPutsItsChanflowContextIntoTheSourcesReactorContext() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.withValue(Context.background(), USER, "cy"))) {
            Flux<String> source = Flux.deferContextual(view -> Flux.just(view.get(ChanFlux.CONTEXT_KEY).value(USER)));

            ReceiveChannel<String> ch = ChanFlux.toChannel(source, ctx, 4);
            assertThat(ch.receive()).isEqualTo("cy");
            assertThat(ch.receiveOk().ok()).isFalse();
        }
    }

    @Test
    void intoPutsItsChanflowContextIntoTheSourcesReactorContext() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Mono<Boolean> source = Mono.deferContextual(view -> Mono.just(view.get(ChanFlux.CONTEXT_KEY) == ctx));
            io.chanflow.Channel<Boolean> ch = io.chanflow.Channel.make(1);

            ChanFlux.into(source, ch, ctx, 1);
            assertThat(ch.receive()).isTrue();
        }
    }

    @Test
    void aReactorContextAsAChanflowContextIsNeverDoneAndCarriesItsEntries() {
        Context ctx = ChanFlux.context(reactor.util.context.Context.of(USER, "dee"));

        String user = ctx.value(USER);
        Object other = ctx.value(Context.key("other"));
        assertThat(user).isEqualTo("dee");
        assertThat(other).isNull();
        assertThat(ctx.err()).isNull();
        assertThat(ctx.done().isDone()).isFalse();
        assertThat(ctx.deadline()).isEmpty();
        try (CancelContext child = Context.withCancel(ctx)) {
            String inherited = child.value(USER);
            assertThat(inherited).isEqualTo("dee");
            child.cancel();
            assertThat(child.err()).isNotNull();
        }
    }
}
