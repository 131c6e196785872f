package io.chanflow.reactive;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * Go's tee: every value of one upstream goes to both {@link #first()} and {@link #second()}, each a
 * publisher for one subscriber. Made by {@link ReactiveChannels#tee}.
 *
 * <p><b>Backpressure.</b> Paced by the slower branch: a value goes to the next only once both branches took
 * it (each branch takes a value only with demand). Upstream is asked for {@code prefetch}, then 75 %
 * batches as values are handed on, so it runs at most {@code prefetch} + 1 ahead of the slower branch.
 *
 * <p><b>Subscription.</b> Upstream is subscribed when the first branch is subscribed; until the other is
 * subscribed and requests, the first gets at most one value. Both must be subscribed for the stream to
 * flow. A second subscriber to the same branch gets {@code onError(IllegalStateException)}.
 *
 * <p><b>Cancellation.</b> A cancelled branch is dropped and the other goes on alone; once both are
 * cancelled, upstream is cancelled. <b>Errors:</b> upstream's {@code onError(e)} reaches both branches,
 * after the values before it.
 *
 * <p><b>Threads.</b> One goroutine hands values to the branches; each branch signals from its own
 * goroutine.
 *
 * @param <T> the element type
 */
public final class Tee<T> {
    private final Publisher<? extends T> upstream;
    private final int prefetch;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Branch first;
    private final Branch second;

    Tee(Publisher<? extends T> upstream, int prefetch) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        this.prefetch = prefetch;
        this.first = new Branch("first");
        this.second = new Branch("second");
    }

    /**
     * The first branch.
     *
     * @return a publisher for one subscriber
     */
    public Publisher<T> first() {
        return first;
    }

    /**
     * The second branch.
     *
     * @return a publisher for one subscriber
     */
    public Publisher<T> second() {
        return second;
    }

    private void startOnce() {
        if (started.compareAndSet(false, true)) {
            CancelContext ctx = Context.withCancel(Context.background());
            ReceiveChannel<T> in = ReactiveChannels.channel(upstream, ctx, prefetch);
            go(() -> distribute(ctx, in));
        }
    }

    /**
     * The tee goroutine: sends each value to both live branches, in whichever order they take it, and
     * notices a branch's cancel while it waits for upstream too. Returns once both branches are gone or the
     * upstream ended.
     */
    private void distribute(CancelContext ctx, ReceiveChannel<T> in) throws InterruptedException {
        Throwable end = null;
        try {
            while (first.live || second.live) {
                Object got = select(
                        in.onReceiveOk(r -> r),
                        first.gone().onDone(() -> first),
                        second.gone().onDone(() -> second));
                if (got == first || got == second) {
                    ((Branch) got).live = false;
                    continue;
                }
                @SuppressWarnings("unchecked")
                Received<T> r = (Received<T>) got;
                if (!r.ok()) {
                    end = r.cause();
                    break;
                }
                sendToBoth(r.value());
            }
        } finally {
            ctx.cancel(); // releases upstream when both branches left early
            Closing.closeQuietly(first.out, end);
            Closing.closeQuietly(second.out, end);
        }
    }

    private void sendToBoth(T v) throws InterruptedException {
        boolean toFirst = first.live;
        boolean toSecond = second.live;
        while (toFirst || toSecond) {
            SendChannel<T> a = toFirst ? first.out : Channel.nil();
            SendChannel<T> b = toSecond ? second.out : Channel.nil();
            int which = select(
                    a.onSend(v, () -> 1),
                    b.onSend(v, () -> 2),
                    (toFirst ? first.gone() : NEVER).onDone(() -> -1),
                    (toSecond ? second.gone() : NEVER).onDone(() -> -2));
            switch (which) {
                case 1 -> toFirst = false;
                case 2 -> toSecond = false;
                case -1 -> toFirst = first.live = false;
                default -> toSecond = second.live = false;
            }
        }
    }

    private static final Done NEVER = Context.background().done();

    /** One output: its channel, the context its subscriber's cancel cancels, one subscriber at most. */
    private final class Branch implements Publisher<T> {
        final String name;
        final Channel<T> out = Channel.make();
        final CancelContext cancelled = Context.withCancel(Context.background());
        final Publisher<T> publisher = ReactiveChannels.publisher(out, cancelled);
        final AtomicBoolean subscribed = new AtomicBoolean();
        /** Written and read by the tee goroutine only. */
        boolean live = true;

        Branch(String name) {
            this.name = name;
        }

        /** Ready once this branch's subscriber cancelled; never, once the tee goroutine has seen that. */
        Done gone() {
            return live ? cancelled.done() : NEVER;
        }

        @Override
        public void subscribe(Subscriber<? super T> s) {
            Objects.requireNonNull(s, "subscriber (Rule 1.9)");
            if (!subscribed.compareAndSet(false, true)) {
                ReactiveChannels.reject(s, new IllegalStateException(
                        "the " + name + " branch of a tee allows one subscriber"));
                return;
            }
            publisher.subscribe(s);
            startOnce();
        }
    }
}
