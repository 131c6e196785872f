package io.chanflow.pattern;

import static io.chanflow.pattern.Patterns.GRACE;
import static io.chanflow.pattern.Patterns.PATIENCE;
import static io.chanflow.pattern.Patterns.closeCause;
import static io.chanflow.pattern.Patterns.drain;
import static io.chanflow.pattern.Patterns.failureOf;
import static io.chanflow.pattern.Patterns.next;
import static io.chanflow.pattern.Patterns.seededInts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.Done;
import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pub/sub broker and request/response. */
@Timeout(60)
@ExtendWith(LeakCheckExtension.class)
class MessagingTest {

    // Broker -----------------------------------------------------------------------------------------

    @Test
    void everyBlockSubscriberGetsEveryValueInPublishOrder() throws Exception {
        List<Integer> published = seededInts(1999, 2_000, 1_000);
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Broker<Integer> broker = Broker.start(ctx);
            List<CompletableFuture<List<Integer>>> received = new ArrayList<>();
            for (int buffer : new int[] {0, 1, 64}) {
                Broker.Subscription<Integer> s = broker.subscribe(buffer, Broker.Overflow.BLOCK);
                CompletableFuture<List<Integer>> f = new CompletableFuture<>();
                failureOf(() -> f.complete(drain(s.channel())));
                received.add(f);
            }
            for (int v : published) {
                broker.publish(ctx, v);
            }
            broker.close();
            for (CompletableFuture<List<Integer>> f : received) {
                assertThat(f.get()).isEqualTo(published);
            }
        }
    }

    @Test
    void aDropSubscriberMissesWhatItHasNoRoomForAndCountsIt() throws Exception {
        List<Integer> published = seededInts(7, 100, 1_000);
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Broker<Integer> broker = Broker.start(ctx);
            Broker.Subscription<Integer> slow = broker.subscribe(10, Broker.Overflow.DROP);   // never read until the end
            for (int v : published) {
                broker.publish(ctx, v);   // never waits for the slow subscriber
            }
            broker.close();
            List<Integer> got = drain(slow.channel());
            assertThat(got).isEqualTo(published.subList(0, 10));   // the buffer's worth, in order
            assertThat(slow.dropped()).isEqualTo(90);
        }
    }

    @Test
    void aSlowBlockSubscriberPacesThePublisher() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Broker<Integer> broker = Broker.start(ctx);
            Broker.Subscription<Integer> slow = broker.subscribe(1, Broker.Overflow.BLOCK);
            broker.publish(ctx, 1);   // fills the buffer
            CompletableFuture<Throwable> second = failureOf(() -> broker.publish(ctx, 2));
            assertThatThrownBy(() -> second.get(50, TimeUnit.MILLISECONDS))   // still waiting after 50 ms
                    .isInstanceOf(TimeoutException.class);
            assertThat(next(slow.channel())).isEqualTo(1);
            assertThat(next(slow.channel())).isEqualTo(2);
            broker.close();
        }
    }

    @Test
    void unsubscribingClosesTheChannelAndReleasesAPublisherWaitingForIt() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Broker<Integer> broker = Broker.start(ctx);
            Broker.Subscription<Integer> gone = broker.subscribe(0, Broker.Overflow.BLOCK);
            Broker.Subscription<Integer> stays = broker.subscribe(5, Broker.Overflow.BLOCK);
            CompletableFuture<Throwable> publisher = failureOf(() -> broker.publish(ctx, 1));   // waits for `gone`
            gone.close();
            assertThat(publisher.get()).isNull();
            assertThat(drain(gone.channel())).isEmpty();
            broker.publish(ctx, 2);
            broker.close();
            assertThat(drain(stays.channel())).containsExactly(1, 2);
        }
    }

    @Test
    void aClosedBrokerRefusesPublishesAndSubscriptions() throws Exception {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Broker<Integer> broker = Broker.start(ctx);
            Broker.Subscription<Integer> s = broker.subscribe(1, Broker.Overflow.DROP);
            broker.close();
            assertThatThrownBy(() -> broker.publish(ctx, 1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> broker.subscribe(1, Broker.Overflow.DROP)).isInstanceOf(IllegalStateException.class);
            assertThat(closeCause(s.channel())).isNull();
        }
    }

    @Test
    void cancellingTheBrokersContextHalfWayClosesEverySubscriberWithTheCancellation() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        CancelContext ctx = Context.withCancel(Context.background());
        Broker<Integer> broker = Broker.start(ctx);
        Broker.Subscription<Integer> blocked = broker.subscribe(0, Broker.Overflow.BLOCK);   // never read
        Broker.Subscription<Integer> dropping = broker.subscribe(0, Broker.Overflow.DROP);
        CompletableFuture<Throwable> publisher = failureOf(() -> {
            for (int i = 0; ; i++) {
                broker.publish(Context.background(), i);
            }
        });
        ctx.cancel();
        assertThat(publisher.get()).isInstanceOfAny(ContextDoneException.class, IllegalStateException.class);
        assertThat(closeCause(blocked.channel())).isInstanceOf(ContextDoneException.class);
        assertThat(closeCause(dropping.channel())).isInstanceOf(ContextDoneException.class);
        Goroutines.verifyNoLeaks(before, GRACE);
    }

    // Request/response -------------------------------------------------------------------------------

    @Test
    void callsGetTheSequentialAnswersForSeededQueries() throws Exception {
        List<Integer> queries = seededInts(31337, 500, 100_000);
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Channel<Request<Integer, String>> server = Channel.make();
            Request.serve(ctx, server, 4, q -> Integer.toHexString(q));
            List<CompletableFuture<List<String>>> clients = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                List<Integer> mine = queries.subList(c * 100, (c + 1) * 100);
                CompletableFuture<List<String>> f = new CompletableFuture<>();
                failureOf(() -> {
                    List<String> answers = new ArrayList<>();
                    for (int q : mine) {
                        answers.add(Request.call(ctx, server, q));
                    }
                    f.complete(answers);
                });
                clients.add(f);
            }
            List<String> got = new ArrayList<>();
            for (CompletableFuture<List<String>> f : clients) {
                got.addAll(f.get());
            }
            assertThat(got).isEqualTo(queries.stream().map(Integer::toHexString).toList());
        }
    }

    @Test
    void aFailedRequestReachesItsCallerAndTheServerGoesOn() throws Exception {
        IOException boom = new IOException("no such user");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Channel<Request<String, Integer>> server = Channel.make();
            Request.serve(ctx, server, 1, q -> {
                if (q.isEmpty()) {
                    throw boom;
                }
                return q.length();
            });
            assertThatThrownBy(() -> Request.call(ctx, server, "")).isInstanceOf(ExecutionException.class).hasCause(boom);
            assertThat(Request.<String, Integer>call(ctx, server, "four")).isEqualTo(4);
        }
    }

    @Test
    void aRequestIsAnsweredOnceAndItsServerNeverBlocksOnAnAbsentCaller() throws Exception {
        Request<String, Integer> req = Request.of("q");
        req.reply(1);   // nobody is receiving yet: the reply channel has room for the answer
        assertThatThrownBy(() -> req.reply(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> req.fail(new IOException())).isInstanceOf(IllegalStateException.class);
        assertThat(drain(req.response())).containsExactly(1);
    }

    @Test
    void theServerStopsWhenItsContextIsCancelledHalfWayOrItsChannelCloses() throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        CancelContext ctx = Context.withCancel(Context.background());
        Channel<Request<Integer, Integer>> server = Channel.make();
        Done stopped = Request.serve(ctx, server, 3, q -> q + 1);
        assertThat(Request.<Integer, Integer>call(ctx, server, 1)).isEqualTo(2);
        ctx.cancel();
        assertThat(stopped.await(PATIENCE)).isTrue();
        assertThatThrownBy(() -> Request.call(ctx, server, 2)).isInstanceOf(ContextDoneException.class);
        Goroutines.verifyNoLeaks(before, GRACE);

        try (CancelContext ctx2 = Context.withCancel(Context.background())) {
            Channel<Request<Integer, Integer>> server2 = Channel.make();
            Done stopped2 = Request.serve(ctx2, server2, 2, q -> q);
            server2.close();
            assertThat(stopped2.await(PATIENCE)).isTrue();
            assertThatThrownBy(() -> Request.call(ctx2, server2, 1)).isInstanceOf(ChannelClosedException.class);
        }
    }
}
