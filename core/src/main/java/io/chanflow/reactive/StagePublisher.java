package io.chanflow.reactive;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Processor;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/*
 * Overview
 * ========
 * A channel stage as an operator: Publisher<T> -> Publisher<R>. Cold: each subscriber gets its own Run,
 *
 *   upstream --(ChannelSubscriber, `prefetch` slots)--> in --[N workers: body(in, out)]--> out --(ChannelPublisher)--> downstream
 *
 * with one CancelContext per Run that every part watches.
 *
 *   downstream cancel -> ctx cancelled -> upstream cancelled, `in` closed with the context's cause; `out`
 *                        closed: workers blocked on either wake with ChannelClosedException and end, and
 *                        what they throw is ignored
 *   upstream onError  -> `in` closed with the cause -> (workers end) -> `out` closed with that same cause
 *                        -> downstream onError(cause) after the values made before it
 *   a worker throws   -> `out` closed with what it threw (the upstream's error instead, if there was one),
 *                        upstream cancelled; the other workers' sends fail and they end
 *   all workers end   -> `out` closed (as above if anything failed), ctx cancelled to release upstream
 *
 * Each run's context is a child of the stage's parent context (background unless given), so a parent that
 * is done cancels the run like a downstream cancel, but downstream gets onError(parent's cause).
 *
 * As a Processor (StageProcessor below) there is one Run, made up front: the upstream subscribes to its
 * `in` directly and the first downstream subscriber starts it.
 *
 * Requests: upstream sees `prefetch`, then batches of 75% as workers take values (ChannelSubscriber), so it
 * is never asked for more than (values taken by workers) + prefetch. Values in flight are bounded by
 * prefetch + workers (in hand) + cap(out).
 */
final class StagePublisher<T, R> implements Publisher<R> {
    /** The source; null for the template of a processor, whose upstream subscribes to it instead. */
    private final Publisher<? extends T> upstream;
    /** Each run's context is a child of this one. */
    private final Context parent;
    private final int workers;
    private final int prefetch;
    private final int outCapacity;
    private final ContextStageBody<T, R> body;

    StagePublisher(Publisher<? extends T> upstream, int workers, int prefetch, int outCapacity, StageBody<T, R> body) {
        this(upstream, Context.background(), workers, prefetch, outCapacity, asWorker(body));
    }

    private static <T, R> ContextStageBody<T, R> asWorker(StageBody<T, R> body) {
        Objects.requireNonNull(body, "body");
        return (ctx, in, out) -> body.run(in, out);
    }

    StagePublisher(Publisher<? extends T> upstream, Context parent, int workers, int prefetch, int outCapacity,
                   ContextStageBody<T, R> body) {
        this(workers, prefetch, outCapacity, body, parent, Objects.requireNonNull(upstream, "upstream"));
    }

    private StagePublisher(int workers, int prefetch, int outCapacity, ContextStageBody<T, R> body,
                           Context parent, Publisher<? extends T> upstream) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        this.upstream = upstream;
        this.parent = Objects.requireNonNull(parent, "parent context");
        this.workers = workers;
        this.prefetch = prefetch;
        this.outCapacity = outCapacity;
        this.body = Objects.requireNonNull(body, "body");
    }

    /** A stage as a {@link Processor}: its upstream subscribes to it; one downstream subscriber. */
    static <T, R> Processor<T, R> processor(Context parent, int workers, int prefetch, ContextStageBody<T, R> body) {
        return new StageProcessor<>(new StagePublisher<>(workers, prefetch, workers, body, parent, null).new Run());
    }

    @Override
    public void subscribe(Subscriber<? super R> downstream) {
        Objects.requireNonNull(downstream, "subscriber (Rule 1.9)");
        Run run = new Run();
        run.start(downstream);
        upstream.subscribe(run.in);
    }

    /** One subscription's stage: its channels, its context and its workers. */
    private final class Run {
        private final CancelContext ctx = Context.withCancel(parent);
        private final ChannelSubscriber<T> in = new ChannelSubscriber<>(prefetch);
        private final Channel<R> out = Channel.make(outCapacity);
        private final AtomicInteger running = new AtomicInteger(workers);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean cancelled;

        /** Publishes `out` to {@code downstream} and starts the workers; the caller connects upstream to `in`. */
        void start(Subscriber<? super R> downstream) {
            in.cancelOn(ctx);
            new ChannelPublisher<>(out, this::cancelledByDownstream).subscribe(downstream);
            for (int i = 0; i < workers; i++) {
                go(this::work);
            }
        }

        private void cancelledByDownstream() {
            cancelled = true;
            ctx.cancel();
            Closing.closeQuietly(out, new CancellationException("stage cancelled by its subscriber"));
        }

        private void work() {
            try {
                body.run(ctx, in.channel(), out.sendOnly());
            } catch (Throwable t) {
                fail(t);
            } finally {
                if (running.decrementAndGet() == 0) {
                    finish();
                }
            }
        }

        private void fail(Throwable t) {
            if (t instanceof ChannelClosedException closed && closed.getCause() != null) {
                t = closed.getCause(); // a loop over a channel closed with an error: fail with that error
            }
            if (cancelled || t == in.upstreamError() || !failure.compareAndSet(null, t)) {
                // cancelled: nothing matters; the upstream's error: `in` is closed and drained, so the
                // other workers end by themselves and finish() reports it after the values they still send
                return;
            }
            Closing.closeQuietly(out, t);
            ctx.cancel();
        }

        private void finish() {
            Throwable e = in.upstreamError();
            Closing.closeQuietly(out, e != null ? e : failure.get());
            ctx.cancel();
        }
    }

    /*
     * The processor: the Subscriber side is the run's `in` (signals pass straight through, so Rules 2.x are
     * ChannelSubscriber's); the Publisher side starts the run for the first subscriber and rejects the
     * others (Rule 1.9 allows a Publisher to refuse a subscriber with onError). The workers start with that
     * first subscriber; until then the upstream is asked for at most `prefetch` values.
     */
    private static final class StageProcessor<T, R> implements Processor<T, R> {
        private final StagePublisher<T, R>.Run run;
        private final AtomicBoolean subscribed = new AtomicBoolean();

        StageProcessor(StagePublisher<T, R>.Run run) {
            this.run = run;
        }

        @Override
        public void subscribe(Subscriber<? super R> downstream) {
            Objects.requireNonNull(downstream, "subscriber (Rule 1.9)");
            if (subscribed.compareAndSet(false, true)) {
                run.start(downstream);
            } else {
                ReactiveChannels.reject(downstream,
                        new IllegalStateException("a stage processor allows one subscriber, and it has one"));
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            run.in.onSubscribe(s);
        }

        @Override
        public void onNext(T t) {
            run.in.onNext(t);
        }

        @Override
        public void onError(Throwable t) {
            run.in.onError(t);
        }

        @Override
        public void onComplete() {
            run.in.onComplete();
        }

        @Override
        public String toString() {
            return "StageProcessor[" + run.in + "]";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Ordered stage
    // ---------------------------------------------------------------------------------------------

    /** A value and the one-slot channel its result goes to. */
    private record Job<T, R>(T value, Channel<R> slot) {}

    /**
     * The body of an ordered stage (run by a single stage worker, which collects): Go's ordered pipeline.
     * A dispatcher goroutine gives each value a one-slot result channel, queues the slot in `order` and the
     * value in `jobs`; `workers` mapper goroutines fill slots; the collector takes slots from `order` in
     * input order and sends each result on. `order` holds at most `workers` slots, so values in flight stay
     * bounded. A mapper failure closes its slot with the failure; the collector rethrows it, which fails the
     * stage. The collector, on leaving, closes `order`, so a dispatcher still sending ends too.
     */
    static <T, R> StageBody<T, R> ordered(int workers, StageMapper<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return (in, out) -> {
            Channel<Job<T, R>> jobs = Channel.make(workers);
            Channel<Channel<R>> order = Channel.make(workers);
            go(() -> {
                Throwable end = null;
                try {
                    for (T v : in) {
                        Channel<R> slot = Channel.make(1);
                        order.send(slot);
                        jobs.send(new Job<>(v, slot));
                    }
                } catch (ChannelClosedException | InterruptedException e) {
                    end = e instanceof ChannelClosedException && e.getCause() != null ? e.getCause() : e;
                } finally {
                    Closing.closeQuietly(jobs, null);
                    Closing.closeQuietly(order, end);
                }
            });
            for (int i = 0; i < workers; i++) {
                go(() -> {
                    for (Received<Job<T, R>> r; (r = jobs.receiveOk()).ok(); ) {
                        Job<T, R> job = r.value();
                        try {
                            job.slot().send(Objects.requireNonNull(mapper.apply(job.value()), "mapper result"));
                        } catch (Throwable t) {
                            job.slot().close(t);
                        }
                    }
                });
            }
            try {
                for (Channel<R> slot : order) {
                    R result;
                    try {
                        result = slot.receive();
                    } catch (ChannelClosedException failed) {
                        throw rethrowable(failed.getCause());
                    }
                    out.send(result);
                }
            } finally {
                Closing.closeQuietly(order, null);
            }
        };
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new RuntimeException(t);
    }
}
