package io.chanflow.reactive;

import static io.chanflow.Go.go;

import io.chanflow.ReceiveChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.pattern.Distribution;
import io.chanflow.pattern.Pipeline;
import io.chanflow.pattern.Worker;
import io.chanflow.pattern.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/*
 * The core patterns (Pipeline.fanIn, Pipeline.fanOut, WorkerPool) as publishers, with no machinery of their
 * own: each subscription gets a CancelContext; the sources become channels (ReactiveChannels.channel, so
 * the same exact requests: prefetch, then 75 % refills), the pattern runs on them under that context, and
 * its output channel is published by ChannelPublisher, whose cancel cancels the context (which stops the
 * pattern's goroutines and cancels every upstream subscription).
 */
final class Patterns {
    private Patterns() {}

    static <T> Publisher<T> fanIn(List<? extends Publisher<? extends T>> sources, int prefetch) {
        List<? extends Publisher<? extends T>> srcs = List.copyOf(sources);
        return subscriber -> {
            CancelContext ctx = Context.withCancel(Context.background());
            List<ReceiveChannel<? extends T>> ins = new ArrayList<>(srcs.size());
            for (Publisher<? extends T> p : srcs) {
                ins.add(ReactiveChannels.channel(p, ctx, prefetch));
            }
            new ChannelPublisher<T>(Pipeline.fanIn(ctx, ins), ctx::cancel)
                    .subscribe(new Terminal<>(subscriber, ctx, null));
        };
    }

    static <T> List<Publisher<T>> fanOut(Publisher<? extends T> source, int n, Distribution how, int prefetch) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(how, "how");
        CancelContext ctx = Context.withCancel(Context.background());
        if (n < 1) {
            throw new IllegalArgumentException("n < 1: " + n);
        }
        // started by the first branch subscribed; one distribution for all branches (Once: no synchronized)
        java.util.function.Supplier<List<ReceiveChannel<T>>> outputs = io.chanflow.sync.Once.value(
                () -> Pipeline.fanOut(ctx, ReactiveChannels.channel(source, ctx, prefetch), n, how));
        List<Publisher<T>> branches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            branches.add(s -> {
                Objects.requireNonNull(s, "subscriber (Rule 1.9)"); // before the distribution starts
                new ChannelPublisher<>(outputs.get().get(index), ctx::cancel).subscribe(s);
            });
        }
        return List.copyOf(branches);
    }

    static <T, R> Publisher<R> workerPool(Publisher<? extends T> source, Context parent, int workers, int queue,
                                          Worker<? super T, ? extends R> worker, int prefetch) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(parent, "parent context");
        Objects.requireNonNull(worker, "worker");
        return subscriber -> {
            CancelContext ctx = Context.withCancel(parent);
            WorkerPool<T, R> pool = WorkerPool.start(ctx, workers, queue, worker);
            ReceiveChannel<? extends T> jobs = ReactiveChannels.channel(source, ctx, prefetch);
            AtomicReference<Throwable> upstreamError = new AtomicReference<>();
            go(() -> feed(ctx, jobs, pool, upstreamError));
            new ChannelPublisher<R>(pool.results(), ctx::cancel)
                    .subscribe(new Terminal<>(subscriber, ctx, upstreamError));
        };
    }

    /** Submits every job; on the source's end shuts the pool down gracefully, remembering an error. */
    private static <T, R> void feed(CancelContext ctx, ReceiveChannel<? extends T> jobs, WorkerPool<T, R> pool,
                                    AtomicReference<Throwable> upstreamError) {
        try {
            for (;;) {
                var r = jobs.receiveOk();
                if (!r.ok()) {
                    upstreamError.set(r.cause()); // before shutdown: results close after it
                    break;
                }
                pool.submit(ctx, r.value());
            }
            pool.shutdown();
        } catch (Exception stopped) {
            // cancelled (context done), a failed job (pool rejects) or interrupted: the pool ends itself
            pool.shutdownNow();
        }
    }

    /**
     * Cancels the subscription's context before passing on onComplete or onError (so every upstream
     * subscription is cancelled and every goroutine of the pattern told to leave), and turns onComplete
     * into onError(upstream error) when {@code error} holds one.
     */
    private record Terminal<R>(Subscriber<? super R> actual, CancelContext ctx, AtomicReference<Throwable> error)
            implements Subscriber<R> {
        @Override
        public void onSubscribe(Subscription s) {
            actual.onSubscribe(s);
        }

        @Override
        public void onNext(R r) {
            actual.onNext(r);
        }

        @Override
        public void onError(Throwable t) {
            ctx.cancel();
            if (t instanceof ContextDoneException done && done.getCause() != null) {
                t = done.getCause(); // a parent context cancelled with a cause: report that cause itself
            }
            actual.onError(t);
        }

        @Override
        public void onComplete() {
            ctx.cancel();
            Throwable e = error == null ? null : error.get();
            if (e == null) {
                actual.onComplete();
            } else {
                actual.onError(e);
            }
        }
    }
}
