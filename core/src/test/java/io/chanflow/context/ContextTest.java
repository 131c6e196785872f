package io.chanflow.context;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.Received;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(60)
@ExtendWith(io.chanflow.LeakCheckExtension.class)
class ContextTest {

    @Test
    void backgroundIsNeverDoneAndItsDoneCaseNeverFires() throws Exception {
        Context bg = Context.background();
        assertThat(bg.err()).isNull();
        assertThat(bg.cause()).isNull();
        assertThat(bg.deadline()).isEmpty();
        assertThat(bg.done().isDone()).isFalse();
        assertThat(Go_select_doneOrDefault(bg.done())).isEqualTo("default");
        assertThat(bg.done().await(Duration.ofMillis(5))).isFalse();
        assertThat(Context.todo().err()).isNull();
    }

    private static String Go_select_doneOrDefault(Done d) throws InterruptedException {
        return select(d.onDone(() -> "done"), io.chanflow.Go.otherwise(() -> "default"));
    }

    @Test
    void cancelClosesDoneAndSetsErrOnce() throws Exception {
        CancelContext ctx = Context.withCancel(Context.background());
        assertThat(ctx.err()).isNull();
        ctx.cancel();
        assertThat(ctx.done().isDone()).isTrue();
        assertThat(ctx.err()).isEqualTo(ContextError.CANCELED);
        assertThat(ctx.cause()).isInstanceOf(ContextDoneException.class).hasMessage("context canceled");
        ctx.cancel(new IOException("later")); // idempotent: the first cancel wins
        assertThat(ctx.cause()).isInstanceOf(ContextDoneException.class);
        assertThat(Go_select_doneOrDefault(ctx.done())).isEqualTo("done");
    }

    @Test
    void cancelWithACauseReportsThatCause() {
        CancelContext ctx = Context.withCancelCause(Context.background());
        IOException why = new IOException("disk full");
        ctx.cancel(why);
        assertThat(ctx.err()).isEqualTo(ContextError.CANCELED);
        assertThat(ctx.cause()).isSameAs(why);
        assertThatThrownBy(ctx::throwIfDone).isInstanceOf(ContextDoneException.class).hasCause(why);
    }

    @Test
    void tryWithResourcesIsDeferCancel() {
        CancelContext leaked;
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            leaked = ctx;
            assertThat(ctx.err()).isNull();
        }
        assertThat(leaked.err()).isEqualTo(ContextError.CANCELED);
    }

    @Test
    void cancellingAParentCancelsEveryDescendantWithItsCause() {
        CancelContext parent = Context.withCancel(Context.background());
        Context.Key<String> k = Context.key("k");
        Context valued = Context.withValue(parent, k, "v");
        CancelContext child = Context.withCancel(valued);
        CancelContext grandchild = Context.withTimeout(child, Duration.ofHours(1));
        IOException why = new IOException("stop");
        parent.cancel(why);
        assertThat(child.err()).isEqualTo(ContextError.CANCELED);
        assertThat(grandchild.err()).isEqualTo(ContextError.CANCELED);
        assertThat(grandchild.cause()).isSameAs(why);
        assertThat(valued.err()).isEqualTo(ContextError.CANCELED);
        assertThat(grandchild.value(k)).isEqualTo("v");
    }

    @Test
    void aChildCreatedUnderACancelledParentStartsCancelled() {
        CancelContext parent = Context.withCancel(Context.background());
        parent.cancel();
        CancelContext child = Context.withCancel(parent);
        assertThat(child.err()).isEqualTo(ContextError.CANCELED);
        assertThat(child.done().isDone()).isTrue();
    }

    @Test
    void cancellingAChildNeverTouchesTheParent() {
        CancelContext parent = Context.withCancel(Context.background());
        CancelContext child = Context.withCancel(parent);
        child.cancel();
        assertThat(parent.err()).isNull();
        assertThat(parent.done().isDone()).isFalse();
    }

    @Test
    void aCancelledChildIsDetachedSoALongLivedParentDoesNotGrow() {
        CancelContext parent = Context.withCancel(Context.background());
        Contexts.CancelNode node = (Contexts.CancelNode) parent;
        for (int i = 0; i < 1_000_000; i++) {
            try (CancelContext child = Context.withCancel(Context.withValue(parent, Context.key("i"), i))) {
                if (i == 0) {
                    assertThat(node.childCount()).isEqualTo(1);
                }
            }
        }
        assertThat(node.childCount()).isZero();
        // Deadline children stop their timers and detach too.
        for (int i = 0; i < 10_000; i++) {
            Context.withTimeout(parent, Duration.ofHours(1)).cancel();
        }
        assertThat(node.childCount()).isZero();
    }

    @Test
    void aDeadlineCancelsWithDeadlineExceeded() throws Exception {
        CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(20));
        ctx.done().await();
        assertThat(ctx.err()).isEqualTo(ContextError.DEADLINE_EXCEEDED);
        assertThat(ctx.cause()).hasMessage("context deadline exceeded");
        assertThat(ctx.deadline()).isPresent();
    }

    @Test
    void aPastDeadlineStartsDone() {
        CancelContext ctx = Context.withDeadline(Context.background(), Instant.now().minusSeconds(1));
        assertThat(ctx.err()).isEqualTo(ContextError.DEADLINE_EXCEEDED);
    }

    @Test
    void anEarlierParentDeadlineStaysInForce() {
        Instant soon = Instant.now().plusSeconds(60);
        CancelContext parent = Context.withDeadline(Context.background(), soon);
        CancelContext child = Context.withDeadline(parent, soon.plusSeconds(3600));
        assertThat(child.deadline()).contains(soon);
        CancelContext earlier = Context.withDeadline(parent, soon.minusSeconds(30));
        assertThat(earlier.deadline()).contains(soon.minusSeconds(30));
        assertThat(Context.withValue(parent, Context.key("x"), 1).deadline()).contains(soon);
        parent.cancel();
    }

    @Test
    void valuesAreFoundThroughTheParentChainAndKeysCompareByIdentity() {
        Context.Key<String> user = Context.key("user");
        Context.Key<String> otherUser = Context.key("user");
        Context ctx = Context.withValue(Context.background(), user, "ann");
        CancelContext child = Context.withCancel(Context.withValue(ctx, Context.<Integer>key("n"), 1));
        assertThat(child.value(user)).isEqualTo("ann");
        assertThat(child.value(otherUser)).isNull();
        Context shadow = Context.withValue(child, user, "bob");
        assertThat(shadow.value(user)).isEqualTo("bob");
        assertThat(ctx.value(user)).isEqualTo("ann");
    }

    @Test
    void withoutCancelKeepsValuesButNotCancellation() {
        Context.Key<String> k = Context.key("k");
        CancelContext parent = Context.withCancel(Context.withValue(Context.background(), k, "v"));
        Context detached = Context.withoutCancel(parent);
        parent.cancel();
        assertThat(detached.err()).isNull();
        assertThat(detached.value(k)).isEqualTo("v");
    }

    @Test
    void contextAwareSendGivesUpPromptlyOnCancelWithNothingSent() throws Exception {
        Channel<Integer> ch = Channel.make();
        CancelContext ctx = Context.withCancel(Context.background());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = go(() -> {
            try {
                ctx.send(ch, 1);
            } catch (ContextDoneException e) {
                thrown.set(e);
            }
        });
        org.awaitility.Awaitility.await().until(() -> t.getState() == Thread.State.WAITING);
        ctx.cancel();
        t.join();
        assertThat(thrown.get()).isInstanceOf(ContextDoneException.class);
        assertThat(ch.tryReceive()).isNull();
    }

    @Test
    void contextAwareReceiveReturnsValuesAndGivesUpOnCancel() throws Exception {
        Channel<Integer> ch = Channel.make(1);
        CancelContext ctx = Context.withCancel(Context.background());
        ch.send(5);
        assertThat(ctx.receive(ch)).isEqualTo(5);
        ch.close();
        assertThat(ctx.receiveOk(ch)).isEqualTo(Received.closed());
        Channel<Integer> never = Channel.make();
        ctx.cancel();
        assertThatThrownBy(() -> ctx.receive(never)).isInstanceOf(ContextDoneException.class);
        assertThatThrownBy(() -> ctx.sleep(Duration.ofHours(1))).isInstanceOf(ContextDoneException.class);
    }

    @Test
    void contextAwareSleepSleepsWhenNotCancelled() throws Exception {
        Context.background().sleep(Duration.ofMillis(1));
        assertThat(Optional.empty()).isEmpty();
    }

    @Test
    void aForeignParentIsWatchedThroughValueContexts() throws Exception {
        CancelContext inner = Context.withCancel(Context.background());
        Context foreign = foreignView(inner);
        CancelContext child = Context.withCancel(Context.withValue(foreign, Context.key("k"), "v"));
        inner.cancel();
        child.done().await();
        assertThat(child.err()).isEqualTo(ContextError.CANCELED);
    }

    @Test
    void aDistantDeadlineIsAcceptedAndStartsNothingOverflowing() {
        CancelContext ctx = Context.withDeadline(Context.background(), Instant.MAX);
        assertThat(ctx.err()).isNull();
        ctx.cancel();
        assertThat(ctx.err()).isEqualTo(ContextError.CANCELED);
    }

    private static Context foreignView(Context inner) {
        return new Context() {
            @Override public Done done() { return inner.done(); }
            @Override public ContextError err() { return inner.err(); }
            @Override public Throwable cause() { return inner.cause(); }
            @Override public Optional<Instant> deadline() { return Optional.empty(); }
            @Override public <T> T value(Key<T> key) { return null; }
        };
    }

    /** A Context implementation that is not ours: its cancellation must still reach our children. */
    @Test
    void aForeignParentContextIsWatched() throws Exception {
        CancelContext inner = Context.withCancel(Context.background());
        Context foreign = new Context() {
            @Override public Done done() { return inner.done(); }
            @Override public ContextError err() { return inner.err(); }
            @Override public Throwable cause() { return inner.cause(); }
            @Override public Optional<Instant> deadline() { return Optional.empty(); }
            @Override public <T> T value(Key<T> key) { return null; }
        };
        CancelContext child = Context.withCancel(foreign);
        inner.cancel();
        child.done().await();
        assertThat(child.err()).isEqualTo(ContextError.CANCELED);
    }
}
