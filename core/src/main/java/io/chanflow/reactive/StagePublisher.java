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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

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
 * Requests: upstream sees `prefetch`, then batches of 75% as workers take values (ChannelSubscriber), so it
 * is never asked for more than (values taken by workers) + prefetch. Values in flight are bounded by
 * prefetch + workers (in hand) + cap(out).
 */
final class StagePublisher<T, R> implements Publisher<R> {
    private final Publisher<? extends T> upstream;
    private final int workers;
    private final int prefetch;
    private final int outCapacity;
    private final Worker<T, R> body;

    /** A stage worker that also sees the stage's context (cancelled when the stage ends or is cancelled). */
    @FunctionalInterface
    interface Worker<T, R> {
        void run(Context ctx, ReceiveChannel<T> in, SendChannel<R> out) throws Exception;
    }

    StagePublisher(Publisher<? extends T> upstream, int workers, int prefetch, int outCapacity, StageBody<T, R> body) {
        this(upstream, workers, prefetch, outCapacity, asWorker(body));
    }

    private static <T, R> Worker<T, R> asWorker(StageBody<T, R> body) {
        Objects.requireNonNull(body, "body");
        return (ctx, in, out) -> body.run(in, out);
    }

    StagePublisher(Publisher<? extends T> upstream, int workers, int prefetch, int outCapacity, Worker<T, R> body) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        this.workers = workers;
        this.prefetch = prefetch;
        this.outCapacity = outCapacity;
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public void subscribe(Subscriber<? super R> downstream) {
        Objects.requireNonNull(downstream, "subscriber (Rule 1.9)");
        new Run(downstream).start();
    }

    /** One subscription's stage: its channels, its context and its workers. */
    private final class Run {
        private final Subscriber<? super R> downstream;
        private final CancelContext ctx = Context.withCancel(Context.background());
        private final ChannelSubscriber<T> in = new ChannelSubscriber<>(prefetch);
        private final Channel<R> out = Channel.make(outCapacity);
        private final AtomicInteger running = new AtomicInteger(workers);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean cancelled;

        Run(Subscriber<? super R> downstream) {
            this.downstream = downstream;
        }

        @SuppressWarnings("unchecked")
        void start() {
            in.cancelOn(ctx);
            new ChannelPublisher<>(out, this::cancelledByDownstream).subscribe(downstream);
            ((Publisher<T>) upstream).subscribe(in);
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
