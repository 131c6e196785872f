package io.chanflow.pattern;

import static io.chanflow.Go.after;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.chanflow.Go;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.SelectCase;
import io.chanflow.SendChannel;
import io.chanflow.Ticker;
import io.chanflow.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Go's channel pipeline patterns: generators, stages with N workers, fan-in and fan-out, tee, bridge, or-done,
 * or-channel, batching, heartbeats and throttling. Each method starts goroutines and returns at once with
 * the channel(s) they send on.
 *
 * <pre>{@code
 * try (CancelContext ctx = Context.withCancel(Context.background())) {       // defer cancel()
 *     ReceiveChannel<Path> files = Pipeline.generate(ctx, paths);
 *     ReceiveChannel<Digest> sums = Pipeline.stage(ctx, files, 8, Digest::of);  // 8 workers, unordered
 *     for (Digest d : sums) print(d);           // ends when all are done; throws if a stage failed
 * }                                             // leaving early cancels: every goroutine ends
 * }</pre>
 *
 * <h2>Contract shared by every method</h2>
 * <ul>
 *   <li><b>Ownership.</b> A method owns the channels it returns and closes each exactly once, after every
 *       goroutine that sends on it has returned. It never closes a channel it was given.</li>
 *   <li><b>Completeness.</b> A returned channel is closed <em>normally</em> only when every value was
 *       delivered; otherwise it is closed with a cause, so a {@code for} loop over it throws
 *       {@link io.chanflow.ChannelClosedException} whose {@link Throwable#getCause() cause} says why:</li>
 *   <li><b>Errors travel.</b> A function that throws stops its stage, whose output is closed with the
 *       exception as the cause. An input closed with a cause: the stage finishes the values it holds, then
 *       closes its output with that same cause, so it reaches the end of the pipeline unchanged.</li>
 *   <li><b>Cancellation.</b> When {@code ctx} is done, every goroutine of the method returns promptly (values
 *       in hand are dropped), and the outputs are closed with the
 *       {@link io.chanflow.context.ContextDoneException} a context-aware operation throws (whose cause is the
 *       context's cancel cause, if one was given).</li>
 *   <li><b>Leaks.</b> A goroutine ends when its input closes, when its context is done, or when it fails. A
 *       stage whose consumer stops reading stays blocked until the context is done: run a pipeline under a
 *       {@link io.chanflow.context.CancelContext} that the consumer closes, as in Go. A failed stage stops
 *       reading its input, so the upstream stages also wait for that cancel.</li>
 *   <li><b>Channels.</b> Returned channels are unbuffered (a value is handed over, not queued) and
 *       receive-only views. {@code null} results of a {@link Mapper} are not sent.</li>
 *   <li><b>Memory.</b> Everything a goroutine did before sending a value happens-before the receive of that
 *       value, as for any channel.</li>
 * </ul>
 */
public final class Pipeline {
    private Pipeline() {}

    // ---------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------

    /**
     * A generator goroutine: runs {@code body}, which sends with its {@link Emitter}, and closes the output
     * when {@code body} returns (normally), or with what it throws.
     *
     * @param ctx cancels the generator: a pending {@code emit} throws and the output closes with it
     * @param body what to run
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> produce(Context ctx, Producer<T> body) {
        Objects.requireNonNull(body, "body");
        Channel<T> out = Channel.make();
        Stage st = Stage.in(ctx);
        st.go(() -> body.run(v -> st.send(out, v))).closeWhenDone(out);
        return out.receiveOnly();
    }

    /**
     * Go's {@code gen(nums ...int) <-chan int}: sends the values in order, then closes.
     *
     * @param ctx cancels the generator
     * @param values the values, none null
     * @param <T> the element type
     * @return the output
     */
    @SafeVarargs
    public static <T> ReceiveChannel<T> generate(Context ctx, T... values) {
        return generate(ctx, List.of(values));
    }

    /**
     * Sends the elements of {@code values} in iteration order, then closes. The iterator is used on the
     * generator's goroutine only; if it throws, the output is closed with what it threw.
     *
     * @param ctx cancels the generator
     * @param values the values, none null
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> generate(Context ctx, Iterable<? extends T> values) {
        Objects.requireNonNull(values, "values");
        return produce(ctx, out -> {
            for (T v : values) {
                out.emit(v);
            }
        });
    }

    /**
     * Cox-Buday's {@code repeatFn}: calls {@code next} again and again on one goroutine, sending each value,
     * until it returns {@code null} (the output then closes normally) or throws (the output closes with what
     * it threw). Unbounded unless {@code next} ends it: combine with {@link #take} or cancel {@code ctx}.
     *
     * @param ctx cancels the generator
     * @param next the supplier
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> repeatFn(Context ctx, Callable<? extends T> next) {
        Objects.requireNonNull(next, "next");
        return produce(ctx, out -> {
            for (T v; (v = next.call()) != null; ) {
                out.emit(v);
            }
        });
    }

    /**
     * Cox-Buday's {@code take}: forwards the first {@code n} values of {@code in}, then closes normally. It
     * then stops receiving, and never closes {@code in}: its producer is released by cancelling {@code ctx}.
     * If {@code in} closes first, the output closes as {@code in} did.
     *
     * @param ctx cancels the stage
     * @param in the input
     * @param n how many values, at least 0
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> take(Context ctx, ReceiveChannel<? extends T> in, long n) {
        Objects.requireNonNull(in, "in");
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        return forwarding(ctx, (st, out) -> {
            T v;
            for (long i = 0; i < n && (v = st.receive(in)) != null; i++) {
                st.send(out, v);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Stages
    // ---------------------------------------------------------------------------------------------

    /**
     * A pipeline stage with {@code workers} goroutines (Go's fan-out of workers over one channel): each
     * worker receives from {@code in}, applies {@code fn} and sends the result. Output order is the order in
     * which results are ready; see {@link #orderedStage} to keep input order.
     *
     * <p>If {@code fn} throws, the other workers stop (values they hold are dropped) and the output is closed
     * with that exception. If {@code in} is closed with a cause, the workers finish the values they hold,
     * then the output is closed with that cause. The output closes after the last worker returned.
     *
     * @param ctx cancels the stage
     * @param in the input; not closed by the stage
     * @param workers the number of worker goroutines, at least 1
     * @param fn the function; a {@code null} result sends nothing
     * @param <T> the input type
     * @param <R> the output type
     * @return the output
     */
    public static <T, R> ReceiveChannel<R> stage(
            Context ctx, ReceiveChannel<? extends T> in, int workers, Mapper<? super T, ? extends R> fn) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(fn, "fn");
        requirePositive(workers, "workers");
        Channel<R> out = Channel.make();
        Stage st = Stage.in(ctx);
        startWorkers(st, in, workers, fn, out).closeWhenDone(out);
        return out.receiveOnly();
    }

    /** Starts {@code workers} goroutines of {@code st} that map {@code in} to {@code out}, unordered. */
    static <T, R> Stage startWorkers(Stage st, ReceiveChannel<? extends T> in, int workers,
            Mapper<? super T, ? extends R> fn, SendChannel<R> out) {
        for (int i = 0; i < workers; i++) {
            st.go(() -> {
                for (T v; (v = st.receive(in)) != null; ) {
                    R r = fn.apply(v);
                    if (r != null) {
                        st.send(out, r);
                    }
                }
            });
        }
        return st;
    }

    /**
     * Like {@link #stage}, but results are sent in input order: the result of the {@code i}-th input value
     * comes before that of the {@code (i+1)}-th, even if {@code fn} finishes them in another order. At most
     * {@code workers + 2} values are in flight; a slow value holds back the ones after it (head-of-line
     * blocking) while the workers keep computing up to that bound.
     *
     * <p>Errors, cancellation and closing are as for {@link #stage}: if {@code fn} throws, the stage stops at
     * once (results not yet sent are dropped) and the output is closed with that exception. What was sent
     * is always a prefix of the results in input order.
     *
     * @param ctx cancels the stage
     * @param in the input; not closed by the stage
     * @param workers the number of worker goroutines, at least 1
     * @param fn the function; a {@code null} result sends nothing
     * @param <T> the input type
     * @param <R> the output type
     * @return the output
     */
    public static <T, R> ReceiveChannel<R> orderedStage(
            Context ctx, ReceiveChannel<? extends T> in, int workers, Mapper<? super T, ? extends R> fn) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(fn, "fn");
        requirePositive(workers, "workers");
        /*
         * A dispatcher gives each input value a one-slot result channel, queues the slot in input order on
         * `slots` (bounded: at most `workers` slots wait there) and hands (value, slot) to the workers. The
         * collector takes slots in order and forwards each one's result: a channel of channels, as in Go.
         * A worker closes a slot empty for a null result.
         */
        record Job<T, R>(T value, Channel<R> slot) {}
        Channel<R> out = Channel.make();
        Channel<Channel<R>> slots = Channel.make(workers);
        Channel<Job<T, R>> jobs = Channel.make();
        Stage st = Stage.in(ctx);
        st.go(() -> {
            try {
                for (T v; (v = st.receive(in)) != null; ) {
                    Channel<R> slot = Channel.make(1);
                    st.send(slots, slot);
                    st.send(jobs, new Job<>(v, slot));
                }
            } finally {
                jobs.close();
                slots.close();
            }
        });
        for (int i = 0; i < workers; i++) {
            st.go(() -> {
                for (Job<T, R> j; (j = st.receive(jobs)) != null; ) {
                    R r = fn.apply(j.value());
                    if (r != null) {
                        j.slot().send(r); // never blocks: the slot's buffer is free
                    }
                    j.slot().close();
                }
            });
        }
        st.go(() -> {
            for (Channel<R> slot; (slot = st.receive(slots)) != null; ) {
                R r = st.receive(slot);
                if (r != null) {
                    st.send(out, r);
                }
            }
        });
        st.closeWhenDone(out);
        return out.receiveOnly();
    }

    /**
     * Like {@link #stage} with one worker, which also sends the time on {@link Heartbeat#pulses()} every
     * {@code interval} while it waits for input or for its consumer (Cox-Buday's heartbeat). A consumer that
     * stops seeing pulses knows the worker is stuck inside {@code fn}. The ticker is stopped when the stage
     * ends; both outputs close together, as {@link #stage}'s output would.
     *
     * @param ctx cancels the stage
     * @param in the input; not closed by the stage
     * @param interval the pulse interval, positive
     * @param fn the function; a {@code null} result sends nothing
     * @param <T> the input type
     * @param <R> the output type
     * @return the pulses and the results
     */
    public static <T, R> Heartbeat<R> heartbeat(
            Context ctx, ReceiveChannel<? extends T> in, Duration interval, Mapper<? super T, ? extends R> fn) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(fn, "fn");
        requirePositive(interval, "interval");
        Channel<Instant> pulses = Channel.make(1);
        Channel<R> out = Channel.make();
        Stage st = Stage.in(ctx);
        st.go(() -> {
            Ticker ticker = Go.tick(interval);
            try {
                heartbeatLoop(st, ticker, pulses, in, fn, out);
            } finally {
                ticker.stop();
            }
        });
        st.closeWhenDone(out, pulses);
        return new Heartbeat<>(pulses.receiveOnly(), out.receiveOnly());
    }

    /** What a heartbeat select returns when a tick, not the awaited event, completed it. */
    private static final Object PULSED = new Object();
    private static final Object SENT = new Object();

    private static <T, R> void heartbeatLoop(Stage st, Ticker ticker, Channel<Instant> pulses,
            ReceiveChannel<? extends T> in, Mapper<? super T, ? extends R> fn, Channel<R> out)
            throws Exception {
        @SuppressWarnings("unchecked")
        ReceiveChannel<T> input = (ReceiveChannel<T>) in;
        SelectCase<Object> pulse = ticker.c().onReceive(now -> {
            pulses.trySend(now); // dropped if the last pulse was not taken
            return PULSED;
        });
        SelectCase<Object> cancelled = st.context().done().onDone(() -> {
            throw Stage.doneException(st.context());
        });
        while (true) {
            Object got;
            do {
                got = select(input.onReceiveOk(r -> r), pulse, cancelled);
            } while (got == PULSED);
            @SuppressWarnings("unchecked")
            T v = st.received((Received<T>) got, input);
            if (v == null) {
                return;
            }
            R r = fn.apply(v);
            if (r != null) {
                while (select(out.onSend(r, () -> SENT), pulse, cancelled) == PULSED) {
                    // pulsed while the consumer was away: keep offering r
                }
            }
        }
    }

    /**
     * Forwards the values of {@code in} no faster than {@code limiter} allows: one
     * {@link RateLimiter#acquire} per value, before it is sent. Order is kept. The limiter is shared, not
     * owned: the stage does not close it.
     *
     * @param ctx cancels the stage (also while it waits for the limiter)
     * @param in the input; not closed by the stage
     * @param limiter the rate limiter
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> throttle(Context ctx, ReceiveChannel<? extends T> in, RateLimiter limiter) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limiter, "limiter");
        return forwarding(ctx, (st, out) -> {
            for (T v; (v = st.receive(in)) != null; ) {
                limiter.acquire(st.context());
                st.send(out, v);
            }
        });
    }

    /**
     * Groups the values of {@code in} into lists of at most {@code maxSize}, sending a list as soon as it is
     * full or {@code maxWait} after its first value arrived, whichever comes first. Order is kept, no list is
     * empty. When {@code in} closes, the partial list is sent, then the output closes as {@code in} did.
     * When {@code ctx} is done, the partial list is dropped.
     *
     * @param ctx cancels the stage
     * @param in the input; not closed by the stage
     * @param maxSize the largest list, at least 1
     * @param maxWait how long the first value of a list waits at most for the list to fill, positive
     * @param <T> the element type
     * @return the lists (each an unmodifiable list of its own)
     */
    public static <T> ReceiveChannel<List<T>> batch(
            Context ctx, ReceiveChannel<? extends T> in, int maxSize, Duration maxWait) {
        Objects.requireNonNull(in, "in");
        requirePositive(maxSize, "maxSize");
        requirePositive(maxWait, "maxWait");
        @SuppressWarnings("unchecked")
        ReceiveChannel<T> input = (ReceiveChannel<T>) in;
        return forwarding(ctx, (st, out) -> {
            List<T> buf = new ArrayList<>(Math.min(maxSize, 1024));
            long deadline = 0;
            SelectCase<Received<T>> cancelled = st.context().done().onDone(() -> {
                throw Stage.doneException(st.context());
            });
            while (true) {
                Received<T> r = buf.isEmpty()
                        ? select(input.onReceiveOk(x -> x), cancelled)
                        : select(input.onReceiveOk(x -> x), cancelled,
                                after(Duration.ofNanos(deadline - System.nanoTime()), () -> null));
                if (r != null) {
                    T v = st.received(r, input);
                    if (v == null) {
                        break;
                    }
                    if (buf.isEmpty()) {
                        deadline = System.nanoTime() + maxWait.toNanos();
                    }
                    buf.add(v);
                }
                if (r == null || buf.size() == maxSize) {
                    st.send(out, List.copyOf(buf));
                    buf.clear();
                }
            }
            if (!buf.isEmpty()) {
                st.send(out, List.copyOf(buf));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Fan-in, fan-out, tee, bridge
    // ---------------------------------------------------------------------------------------------

    /**
     * Go's fan-in ({@code merge(cs ...<-chan int)}): one goroutine per input forwards its values to the one
     * output, which closes once every input is closed. Values of one input keep their order; values of
     * different inputs interleave as they come. An input closed with a cause ends the merge at once: the
     * other forwarders stop, and the output is closed with that cause.
     *
     * @param ctx cancels the merge
     * @param inputs the inputs, any number (none: the output closes at once); not closed by the merge
     * @param <T> the element type
     * @return the output
     */
    @SafeVarargs
    public static <T> ReceiveChannel<T> fanIn(Context ctx, ReceiveChannel<? extends T>... inputs) {
        return fanIn(ctx, Arrays.asList(inputs));
    }

    /**
     * {@link #fanIn(Context, ReceiveChannel[])} over a list of inputs.
     *
     * @param ctx cancels the merge
     * @param inputs the inputs; not closed by the merge
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> fanIn(Context ctx, List<? extends ReceiveChannel<? extends T>> inputs) {
        List<? extends ReceiveChannel<? extends T>> ins = List.copyOf(inputs);
        Channel<T> out = Channel.make();
        Stage st = Stage.in(ctx);
        for (ReceiveChannel<? extends T> in : ins) {
            st.go(() -> {
                for (T v; (v = st.receiveOrFail(in)) != null; ) {
                    st.send(out, v);
                }
            });
        }
        st.closeWhenDone(out);
        return out.receiveOnly();
    }

    /**
     * Fan-out to {@code n} outputs (distribute): each value of {@code in} goes to exactly one output, chosen
     * by {@code how}. One goroutine; it reads the next value only once the current one was taken. All
     * outputs close together, as {@code in} did (with its cause, if any).
     *
     * @param ctx cancels the distribution
     * @param in the input; not closed
     * @param n the number of outputs, at least 1
     * @param how round-robin or first-free
     * @param <T> the element type
     * @return the outputs, an unmodifiable list of {@code n}
     */
    public static <T> List<ReceiveChannel<T>> fanOut(
            Context ctx, ReceiveChannel<? extends T> in, int n, Distribution how) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(how, "how");
        requirePositive(n, "n");
        List<Channel<T>> outs = makeAll(n);
        Stage st = Stage.in(ctx);
        st.go(() -> {
            long i = 0;
            for (T v; (v = st.receive(in)) != null; i++) {
                if (how == Distribution.ROUND_ROBIN) {
                    st.send(outs.get((int) (i % n)), v);
                } else {
                    sendToFirstReady(st, outs, new boolean[n], v);
                }
            }
        });
        st.closeWhenDone(outs.toArray(SendChannel<?>[]::new));
        return receiveOnly(outs);
    }

    /**
     * Tee: each value of {@code in} goes to every one of {@code copies} outputs (to whichever consumer is
     * ready first, then the others) before the next value is read, so the slowest consumer paces all of them.
     * All outputs close together, as {@code in} did.
     *
     * @param ctx cancels the tee
     * @param in the input; not closed
     * @param copies the number of outputs, at least 1 (Go's {@code tee} has 2)
     * @param <T> the element type
     * @return the outputs, an unmodifiable list of {@code copies}; each sees every value, in input order
     */
    public static <T> List<ReceiveChannel<T>> tee(Context ctx, ReceiveChannel<? extends T> in, int copies) {
        Objects.requireNonNull(in, "in");
        requirePositive(copies, "copies");
        List<Channel<T>> outs = makeAll(copies);
        Stage st = Stage.in(ctx);
        st.go(() -> {
            for (T v; (v = st.receive(in)) != null; ) {
                boolean[] sent = new boolean[copies];
                for (int k = 0; k < copies; k++) {
                    sent[sendToFirstReady(st, outs, sent, v)] = true;
                }
            }
        });
        st.closeWhenDone(outs.toArray(SendChannel<?>[]::new));
        return receiveOnly(outs);
    }

    /**
     * Cox-Buday's bridge-channel: flattens a channel of channels, forwarding every value of the first inner
     * channel until it closes, then the second, and so on, so order is kept. An inner channel closed with a
     * cause ends the bridge at once with that cause; the outer channel's cause is passed on once the last
     * inner channel is done. Inner channels are not closed by the bridge.
     *
     * @param ctx cancels the bridge
     * @param channels the channel of channels; not closed
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> bridge(
            Context ctx, ReceiveChannel<? extends ReceiveChannel<? extends T>> channels) {
        Objects.requireNonNull(channels, "channels");
        return forwarding(ctx, (st, out) -> {
            for (ReceiveChannel<? extends T> inner; (inner = st.receive(channels)) != null; ) {
                for (T v; (v = st.receiveOrFail(inner)) != null; ) {
                    st.send(out, v);
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Or-done, or-channel
    // ---------------------------------------------------------------------------------------------

    /**
     * Cox-Buday's or-done-channel: forwards the values of {@code in} until it closes (the output then closes
     * as {@code in} did) or {@code ctx} is done, so {@code for (T v : orDone(ctx, in))} cannot hang on an
     * input that never closes. On cancellation the loop stops by throwing
     * {@link io.chanflow.ChannelClosedException} with the {@link io.chanflow.context.ContextDoneException} as
     * its cause (never by ending normally, which would claim all values were seen).
     *
     * @param ctx cancels the forwarding
     * @param in the input; not closed
     * @param <T> the element type
     * @return the output
     */
    public static <T> ReceiveChannel<T> orDone(Context ctx, ReceiveChannel<? extends T> in) {
        Objects.requireNonNull(in, "in");
        return forwarding(ctx, (st, out) -> {
            for (T v; (v = st.receive(in)) != null; ) {
                st.send(out, v);
            }
        });
    }

    /**
     * Cox-Buday's or-channel: a done channel closed as soon as any of {@code dones}, or {@code ctx}, is done.
     * One goroutine waits on all of them in one select and ends then.
     *
     * @param ctx also closes the result when done, and so bounds the goroutine's life
     * @param dones the done channels (none: the result closes only with {@code ctx})
     * @return the combined done channel
     */
    public static Done or(Context ctx, Done... dones) {
        List<Done> all = List.of(dones);
        DoneChannel result = DoneChannel.make();
        Stage st = Stage.in(ctx);
        st.go(() -> {
            @SuppressWarnings("unchecked")
            SelectCase<Void>[] cases = new SelectCase[all.size() + 1];
            for (int i = 0; i < all.size(); i++) {
                cases[i] = all.get(i).onDone(() -> {});
            }
            cases[all.size()] = st.context().done().onDone(() -> {});
            select(cases);
        });
        st.whenDone(cause -> result.close());
        return result.done();
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    /** The body of a one-goroutine pattern with one output. */
    @FunctionalInterface
    interface Forwarder<T> {
        void run(Stage st, Channel<T> out) throws Exception;
    }

    /** Runs {@code body} on one goroutine that owns a new output, closed by the stage's rules. */
    static <T> ReceiveChannel<T> forwarding(Context ctx, Forwarder<T> body) {
        Channel<T> out = Channel.make();
        Stage st = Stage.in(ctx);
        st.go(() -> body.run(st, out)).closeWhenDone(out);
        return out.receiveOnly();
    }

    /**
     * Sends {@code v} to whichever of the outputs not marked in {@code skip} takes it first.
     *
     * @return the index of that output
     */
    private static <T> int sendToFirstReady(Stage st, List<Channel<T>> outs, boolean[] skip, T v)
            throws InterruptedException {
        List<SelectCase<Integer>> cases = new ArrayList<>(outs.size() + 1);
        for (int i = 0; i < outs.size(); i++) {
            if (!skip[i]) {
                int index = i;
                cases.add(outs.get(i).onSend(v, () -> index));
            }
        }
        cases.add(st.context().done().onDone(() -> {
            throw Stage.doneException(st.context());
        }));
        @SuppressWarnings("unchecked")
        SelectCase<Integer>[] array = cases.toArray(SelectCase[]::new);
        return select(array);
    }

    private static <T> List<Channel<T>> makeAll(int n) {
        List<Channel<T>> outs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outs.add(Channel.make());
        }
        return outs;
    }

    private static <T> List<ReceiveChannel<T>> receiveOnly(List<Channel<T>> outs) {
        List<ReceiveChannel<T>> views = new ArrayList<>(outs.size());
        for (Channel<T> c : outs) {
            views.add(c.receiveOnly());
        }
        return List.copyOf(views);
    }

    static void requirePositive(long n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + n);
        }
    }

    static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
