package io.chanflow.soak;

import static io.chanflow.Go.after;
import static io.chanflow.Go.go;
import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.ChannelInterruptedException;
import io.chanflow.Goroutines;
import io.chanflow.Received;
import io.chanflow.SelectCase;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.context.ContextError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/*
 * Overview
 * ========
 * An exactly-once soak (issue 7): N channels ("lanes") of mixed capacities, M worker goroutines doing
 * random channel operations on them, and three chaos threads injecting faults, for a given duration.
 *
 *   worker, until stopped:
 *     pick an operation and one to three random lanes
 *     sends:    send, trySend, timed trySend, select of send cases (+ timeout / default / ctx.done()),
 *               ctx.send
 *     receives: receive, receiveOk, tryReceive, tryReceiveOk, timed tryReceive, select of receive cases
 *               (+ timeout / default / ctx.done()), ctx.receive, ctx.receiveOk, one step of iteration
 *     mixed:    a select with send and receive cases on several lanes
 *   (a worker pauses up to 0.2 ms after a quarter of its operations: other goroutines run, the CPU idles)
 *   interrupter: Thread.interrupt() of a random worker, every 0-2 ms
 *   canceller:   cancel (with or without a cause) of a random worker's context, every 0-5 ms; a worker whose
 *                context is done makes a new one (a plain cancel context, or one with a 1-50 ms deadline)
 *   closer:      every 20-200 ms, close a random lane (with or without a cause) and put a fresh lane of the
 *                same capacity in its slot; in the last fifth of the run, close up to half the slots for
 *                good (no replacement), so workers also meet closed channels in every operation. A
 *                drainer goroutine receives what a closed lane still buffers.
 *
 * Every value sent is a Msg with a unique id. The sender records the id's outcome in the Ledger: SENT when
 * the operation returned normally (for a select: the chosen send case's value), NOT_SENT when it threw
 * (InterruptedException, ContextDoneException, ChannelClosedException), timed out, returned false, or
 * was a send case the select did not choose. Every receiver records what it got.
 *
 * Shutdown, Go's way: stop the chaos threads, cancel the root context, close every lane. That wakes
 * every blocked operation, so every goroutine must end within the grace period (Goroutines.verifyNoLeaks):
 * one that does not is a lost wake-up (no drainer runs meanwhile, so none can rescue a sender the close
 * failed to wake). Then drain every lane ever made, and check:
 *   - every SENT id was received exactly once, every NOT_SENT id never, no id received twice,
 *   - every id has exactly one outcome (else the harness or an undocumented exception is at fault),
 *   - a value is received from the lane it was sent on (misrouted), and one receiver gets the values of
 *     one sender on one lane in the order they were sent (reordered, rule 3 of go-semantics.md),
 *   - a ChannelClosedException or a closed Received carries the lane's close cause (rule 7),
 *   - no operation threw anything but the documented exceptions.
 *
 * Reproducibility: every goroutine draws from its own SplittableRandom split from the seed in a fixed
 * order, and lane capacities come from the seed; which operation meets which is up to the scheduler.
 */
/**
 * The exactly-once soak harness: {@code Soak [seconds [seed [channels [goroutines]]]]}. Prints the figures
 * and exits with status 1 if any value was lost or duplicated, or any goroutine left blocked.
 */
public final class Soak {

    /**
     * What to run.
     *
     * @param duration how long the workers run
     * @param seed the seed of every random choice
     * @param channels the number of lane slots (N)
     * @param goroutines the number of worker goroutines (M)
     */
    public record Config(Duration duration, long seed, int channels, int goroutines) {
        /** Defaults: 60 s, a seed from the clock, 16 lanes, 64 workers. */
        static Config parse(String[] args) {
            if (args.length > 4 || (args.length > 0 && args[0].startsWith("-"))) {
                throw new IllegalArgumentException("usage: Soak [seconds [seed [channels [goroutines]]]]");
            }
            long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
            long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
            int channels = args.length > 2 ? Integer.parseInt(args[2]) : 16;
            int goroutines = args.length > 3 ? Integer.parseInt(args[3]) : 64;
            return new Config(Duration.ofSeconds(seconds), seed, channels, goroutines);
        }

        public Config {
            if (channels < 1 || goroutines < 2) {
                throw new IllegalArgumentException("need at least 1 channel and 2 goroutines");
            }
        }
    }

    /** What the soak counts. */
    enum Count {
        OPS, VALUES, SENT_OPS,
        NOT_SENT_INTERRUPTED, NOT_SENT_CONTEXT, NOT_SENT_CLOSED, NOT_SENT_TIMED_OUT, NOT_SENT_FULL,
        NOT_SENT_NOT_CHOSEN,
        RECEIVED_BY_WORKERS, RECEIVED_BY_DRAINERS, RECEIVED_AT_END,
        INTERRUPTS, CANCELS, CANCELS_WITH_CAUSE, DEADLINES, CLOSES, CLOSES_WITH_CAUSE, CLOSES_FOR_GOOD,
        OPS_INTERRUPTED, OPS_CONTEXT_DONE, OPS_CLOSED,
        DRAINERS
    }

    /** The cause of closes with a cause; preallocated, without a stack trace, so it is cheap to reuse. */
    static final Throwable CLOSE_CAUSE = new Exception("soak: lane closed with a cause", null, false, false) {};
    /** The cause of context cancels with a cause. */
    static final Throwable CANCEL_CAUSE = new Exception("soak: context cancelled with a cause", null, false, false) {};

    /** A value: its id, and who sent it on which lane (slot and generation). */
    record Msg(long id, int sender, int slot, int gen) {}

    /** One channel in one slot. The harness alone closes it, once. */
    static final class Lane {
        final int slot;
        final int gen;
        final int cap;
        final Channel<Msg> ch;
        private final AtomicBoolean closing = new AtomicBoolean();
        /** Written before the close, so whoever sees the channel closed sees it. */
        volatile Throwable closeCause;

        Lane(int slot, int gen, int cap) {
            this.slot = slot;
            this.gen = gen;
            this.cap = cap;
            this.ch = Channel.make(cap);
        }

        /** Closes the lane unless it is closed already; returns whether this call closed it. */
        boolean close(Throwable cause) {
            if (!closing.compareAndSet(false, true)) {
                return false;
            }
            closeCause = cause;
            if (cause == null) {
                ch.close();
            } else {
                ch.close(cause);
            }
            return true;
        }

        @Override
        public String toString() {
            return "lane " + slot + "." + gen + " (cap " + cap + ")";
        }
    }

    private final Config config;
    private final Ledger ledger = new Ledger();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReferenceArray<Lane> slots;
    private final AtomicInteger[] generations;
    /** Every lane ever made, to drain at the end. */
    private final ConcurrentLinkedQueue<Lane> allLanes = new ConcurrentLinkedQueue<>();
    private final Map<Count, LongAdder> counts = new EnumMap<>(Count.class);
    /** Failures other than the ledger's: misrouted, reordered, duplicates, wrong causes, unexpected exceptions. */
    private final Map<String, LongAdder> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failureExamples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failureExampleCount = new AtomicInteger();
    private final CancelContext root = Context.withCancel(Context.background());
    private final Worker[] workers;
    private final SplittableRandom chaosRandom;
    private volatile boolean stop;
    private volatile boolean closeForGood;

    Soak(Config config) {
        this.config = config;
        SplittableRandom seed = new SplittableRandom(config.seed());
        for (Count c : Count.values()) {
            counts.put(c, new LongAdder());
        }
        slots = new AtomicReferenceArray<>(config.channels());
        generations = new AtomicInteger[config.channels()];
        SplittableRandom capRandom = seed.split();
        for (int i = 0; i < config.channels(); i++) {
            generations[i] = new AtomicInteger();
            int cap = switch (i % 4) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 2 + capRandom.nextInt(7);      // small: 2..8
                default -> 256 + capRandom.nextInt(769);  // large: 256..1024
            };
            Lane l = new Lane(i, 0, cap);
            slots.set(i, l);
            allLanes.add(l);
        }
        workers = new Worker[config.goroutines()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i, seed.split());
        }
        chaosRandom = seed.split();
    }

    /**
     * Runs the soak as {@code args} say and exits with 0 if it found nothing, else 1.
     *
     * @param args {@code [seconds [seed [channels [goroutines]]]]}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Report r = run(Config.parse(args));
        System.exit(r.ok() ? 0 : 1);
    }

    /**
     * Runs the soak, printing its start line, progress and figures to {@code System.out}.
     *
     * @param config what to run
     * @return the figures
     * @throws InterruptedException if interrupted
     */
    static Report run(Config config) throws InterruptedException {
        return new Soak(config).run();
    }

    // ---------------------------------------------------------------------------------------------
    // The run
    // ---------------------------------------------------------------------------------------------

    private Report run() throws InterruptedException {
        List<Integer> caps = new ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            caps.add(slots.get(i).cap);
        }
        System.out.printf("soak: seed %d, %d s, %d channels (capacities %s), %d worker goroutines%n",
                config.seed(), config.duration().toSeconds(), config.channels(), caps, config.goroutines());
        Goroutines.Snapshot before = Goroutines.snapshot();
        long start = System.nanoTime();
        long end = start + config.duration().toNanos();
        long late = start + config.duration().toNanos() * 4 / 5;

        for (Worker w : workers) {
            w.thread = go(w::run);
        }
        SplittableRandom ir = chaosRandom.split();
        SplittableRandom cr = chaosRandom.split();
        SplittableRandom kr = chaosRandom.split();
        // Platform threads: the workers keep the virtual-thread carriers busy, and a fault injector that
        // waits for a carrier would inject next to nothing.
        List<Thread> chaos = List.of(
                Thread.ofPlatform().daemon().name("soak-interrupter").start(() -> interrupter(ir)),
                Thread.ofPlatform().daemon().name("soak-canceller").start(() -> canceller(cr)),
                Thread.ofPlatform().daemon().name("soak-closer").start(() -> closer(kr)));

        long progressEvery = Math.max(Duration.ofSeconds(10).toNanos(), config.duration().toNanos() / 10);
        for (long now = System.nanoTime(), next = now + progressEvery; now - end < 0; now = System.nanoTime()) {
            if (!closeForGood && now - late >= 0) {
                closeForGood = true;
            }
            if (now - next >= 0) {
                next += progressEvery;
                System.out.printf("soak: %3d s, %,d ops, %,d values, %,d interrupts, %,d cancels, %,d closes%n",
                        (now - start) / 1_000_000_000L, get(Count.OPS), ids.get(), get(Count.INTERRUPTS),
                        get(Count.CANCELS), get(Count.CLOSES));
            }
            Thread.sleep(Math.min(100, Math.max(1, (end - now) / 1_000_000)));
        }

        // Shutdown: no more faults; then cancel every context and close every lane, which must wake
        // every blocked operation. No drainer now: a receiver could rescue a sender that the close failed
        // to wake, and hide the lost wake-up.
        stop = true;
        for (Thread t : chaos) {
            t.join();
        }
        root.cancel();
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i).close(null)) {
                count(Count.CLOSES);
            }
        }
        List<Goroutines.GoroutineInfo> leaked = List.of();
        try {
            Goroutines.verifyNoLeaks(before, Duration.ofSeconds(30));
        } catch (AssertionError e) {
            leaked = Goroutines.startedSince(before);
            fail("goroutine left blocked", e.getMessage());
            leaked.forEach(g -> g.thread().interrupt()); // free them, so later tests are not disturbed
        }
        long elapsed = System.nanoTime() - start;

        // Drain every lane ever made (closed by now), as one more receiver: the lanes closed at shutdown
        // still hold their buffered values.
        Receiver last = new Receiver(Count.RECEIVED_AT_END);
        for (Lane l : allLanes) {
            for (Received<Msg> r; (r = l.ch.tryReceiveOk()) != null && r.ok(); ) {
                last.got(l, r.value());
            }
        }

        Ledger.Verdict v = ledger.verify(ids.get());
        Report report = new Report(config, Duration.ofNanos(elapsed), snapshot(), v, Map.copyOf(sums(failures)),
                List.copyOf(failureExamples), leaked.size());
        System.out.println(report);
        return report;
    }

    private Map<Count, Long> snapshot() {
        Map<Count, Long> m = new EnumMap<>(Count.class);
        counts.forEach((k, a) -> m.put(k, a.sum()));
        return m;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> m) {
        Map<String, Long> out = new java.util.TreeMap<>();
        m.forEach((k, a) -> out.put(k, a.sum()));
        return out;
    }

    private long get(Count c) {
        return counts.get(c).sum();
    }

    private void count(Count c) {
        counts.get(c).increment();
    }

    private void fail(String kind, String detail) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (failureExampleCount.getAndIncrement() < 20) {
            failureExamples.add(kind + ": " + detail);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Chaos goroutines
    // ---------------------------------------------------------------------------------------------

    private void interrupter(SplittableRandom rnd) {
        while (!stop) {
            pause(rnd.nextLong(2_000_000));
            workers[rnd.nextInt(workers.length)].thread.interrupt();
            count(Count.INTERRUPTS);
        }
    }

    private void canceller(SplittableRandom rnd) {
        while (!stop) {
            pause(rnd.nextLong(5_000_000));
            CancelContext ctx = workers[rnd.nextInt(workers.length)].ctx;
            if (ctx.err() == null) {
                if (rnd.nextBoolean()) {
                    ctx.cancel(CANCEL_CAUSE);
                    count(Count.CANCELS_WITH_CAUSE);
                } else {
                    ctx.cancel();
                }
                count(Count.CANCELS);
            }
        }
    }

    private void closer(SplittableRandom rnd) {
        int closedForGood = 0;
        while (!stop) {
            pause(20_000_000 + rnd.nextLong(180_000_000));
            if (stop) {
                return;
            }
            int slot = rnd.nextInt(slots.length());
            Lane old = slots.get(slot);
            boolean forGood = closeForGood && closedForGood < slots.length() / 2;
            if (!forGood) {
                Lane fresh = new Lane(slot, generations[slot].incrementAndGet(), old.cap);
                allLanes.add(fresh);
                slots.set(slot, fresh);
            }
            if (closeLane(old, rnd.nextBoolean() ? CLOSE_CAUSE : null)) {
                count(Count.CLOSES);
                if (forGood) {
                    closedForGood++;
                    count(Count.CLOSES_FOR_GOOD);
                }
                if (old.closeCause != null) {
                    count(Count.CLOSES_WITH_CAUSE);
                }
            }
        }
    }

    /** Closes a lane and starts a drainer for what it still buffers; false if it was closed already. */
    private boolean closeLane(Lane l, Throwable cause) {
        if (!l.close(cause)) {
            return false;
        }
        count(Count.DRAINERS);
        go(() -> drain(l));
        return true;
    }

    /** A drainer: receives from a closed lane until it is drained, by iteration (Go's range). */
    private void drain(Lane l) {
        Receiver me = new Receiver(Count.RECEIVED_BY_DRAINERS);
        try {
            for (Msg m : l.ch) {
                me.got(l, m);
            }
        } catch (ChannelClosedException e) {
            me.checkCause(l, e.getCause(), "iteration");
        } catch (Throwable t) {
            fail("unexpected exception", "drainer of " + l + ": " + t);
        }
    }

    private static void pause(long nanos) {
        LockSupport.parkNanos(nanos);
    }

    // ---------------------------------------------------------------------------------------------
    // Receivers
    // ---------------------------------------------------------------------------------------------

    /**
     * One receiving goroutine's checks: the value came from the lane it was sent on, was not received
     * before, and comes after the values this receiver got earlier from the same sender on the same lane.
     * For one goroutine's use.
     */
    class Receiver {
        private final Count counter;
        /** Per (sender, slot): generation + 1 of the last value received (0: none), and its id. */
        private final int[] lastGen;
        private final long[] lastId;

        Receiver(Count counter) {
            this.counter = counter;
            int n = workers.length * slots.length();
            lastGen = new int[n];
            lastId = new long[n];
        }

        void got(Lane l, Msg m) {
            count(counter);
            if (m.slot() != l.slot || m.gen() != l.gen) {
                fail("misrouted", m + " received from " + l);
            }
            if (!ledger.mark(m.id(), Ledger.RECEIVED)) {
                fail("duplicate", m + " received twice (again from " + l + ")");
            }
            int k = m.sender() * slots.length() + m.slot();
            if (lastGen[k] == m.gen() + 1 && m.id() <= lastId[k]) {
                fail("reordered", m + " received after id " + lastId[k] + " of the same sender on " + l);
            }
            lastGen[k] = m.gen() + 1;
            lastId[k] = m.id();
        }

        /** A closed channel reported {@code cause}: it must be the lane's close cause (rule 7). */
        void checkCause(Lane l, Throwable cause, String where) {
            if (l != null ? cause != l.closeCause : cause != null && cause != CLOSE_CAUSE) {
                fail("wrong close cause", where + " on " + (l == null ? "a select" : l) + " reported " + cause);
            }
        }

        /** A closed Received: ok is false and the cause is the lane's. */
        void closed(Lane l, Received<Msg> r, String where) {
            checkCause(l, r.cause(), where);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Workers
    // ---------------------------------------------------------------------------------------------

    /** The operations a worker picks from: a send 45 % of the time, a receive 45 %, a mixed select 10 %. */
    private enum Op {
        SEND, TRY_SEND, TRY_SEND_TIMED, SELECT_SEND, CTX_SEND,
        RECEIVE, RECEIVE_OK, TRY_RECEIVE, TRY_RECEIVE_OK, TRY_RECEIVE_TIMED, SELECT_RECEIVE, CTX_RECEIVE,
        CTX_RECEIVE_OK, ITERATE,
        SELECT_MIXED
    }

    private static final Op[] SENDS = {Op.SEND, Op.TRY_SEND, Op.TRY_SEND_TIMED, Op.SELECT_SEND, Op.CTX_SEND};
    private static final Op[] RECEIVES = {Op.RECEIVE, Op.RECEIVE_OK, Op.TRY_RECEIVE, Op.TRY_RECEIVE_OK,
        Op.TRY_RECEIVE_TIMED, Op.SELECT_RECEIVE, Op.CTX_RECEIVE, Op.CTX_RECEIVE_OK, Op.ITERATE};

    /** What a select's extra case is: none (it may block), a timeout, a default, or ctx.done(). */
    private enum Extra { NONE, TIMEOUT, DEFAULT, CONTEXT }

    private static final Extra[] EXTRAS = Extra.values();

    /** A worker pauses after a quarter of its operations, for up to this long. */
    private static final long PAUSE_NANOS = 200_000;

    /** Result of a select case that sent nothing. */
    private static final int NOTHING_SENT = -1;

    final class Worker extends Receiver {
        final int index;
        private final SplittableRandom rnd;
        volatile Thread thread;
        /** Replaced by the worker once done; cancelled by the canceller. */
        volatile CancelContext ctx;

        Worker(int index, SplittableRandom rnd) {
            super(Count.RECEIVED_BY_WORKERS);
            this.index = index;
            this.rnd = rnd;
            this.ctx = newContext();
        }

        private CancelContext newContext() {
            return rnd.nextInt(10) < 7
                    ? Context.withCancel(root)
                    : Context.withTimeout(root, Duration.ofMillis(1 + rnd.nextInt(50)));
        }

        void run() {
            while (!stop) {
                if (ctx.err() != null) {
                    ctx = newContext();
                }
                count(Count.OPS);
                int kind = rnd.nextInt(20);
                Op op = kind < 9 ? SENDS[rnd.nextInt(SENDS.length)]
                        : kind < 18 ? RECEIVES[rnd.nextInt(RECEIVES.length)]
                        : Op.SELECT_MIXED;
                try {
                    step(op);
                } catch (Throwable t) {
                    fail("unexpected exception", op + ": " + t);
                }
                if (rnd.nextInt(4) == 0) {
                    pause(rnd.nextLong(PAUSE_NANOS)); // lets the others run, and keeps the CPU use down
                }
            }
        }

        private Lane lane() {
            return slots.get(rnd.nextInt(slots.length()));
        }

        private Duration shortWait() {
            return Duration.ofNanos(rnd.nextLong(3_000_000));
        }

        private Msg msg(Lane l) {
            count(Count.VALUES);
            return new Msg(ids.getAndIncrement(), index, l.slot, l.gen);
        }

        private void step(Op op) throws InterruptedException {
            Lane l = lane();
            switch (op) {
                case SEND -> {
                    Msg m = msg(l);
                    try {
                        l.ch.send(m);
                        sent(m);
                    } catch (InterruptedException | RuntimeException e) {
                        notSent(m, failed(e, l));
                    }
                }
                case TRY_SEND -> {
                    Msg m = msg(l);
                    try {
                        if (l.ch.trySend(m)) {
                            sent(m);
                        } else {
                            notSent(m, Count.NOT_SENT_FULL);
                        }
                    } catch (RuntimeException e) {
                        notSent(m, failed(e, l));
                    }
                }
                case TRY_SEND_TIMED -> {
                    Msg m = msg(l);
                    try {
                        if (l.ch.trySend(m, shortWait())) {
                            sent(m);
                        } else {
                            notSent(m, Count.NOT_SENT_TIMED_OUT);
                        }
                    } catch (InterruptedException | RuntimeException e) {
                        notSent(m, failed(e, l));
                    }
                }
                case CTX_SEND -> {
                    Msg m = msg(l);
                    try {
                        ctx.send(l.ch, m);
                        sent(m);
                    } catch (InterruptedException | RuntimeException e) {
                        notSent(m, failed(e, l));
                    }
                }
                case RECEIVE -> {
                    try {
                        got(l, l.ch.receive());
                    } catch (InterruptedException | RuntimeException e) {
                        failed(e, l);
                    }
                }
                case RECEIVE_OK -> {
                    try {
                        gotOk(l, l.ch.receiveOk(), "receiveOk");
                    } catch (InterruptedException e) {
                        failed(e, l);
                    }
                }
                case TRY_RECEIVE -> {
                    try {
                        Msg m = l.ch.tryReceive();
                        if (m != null) {
                            got(l, m);
                        }
                    } catch (RuntimeException e) {
                        failed(e, l);
                    }
                }
                case TRY_RECEIVE_OK -> {
                    Received<Msg> r = l.ch.tryReceiveOk();
                    if (r != null) {
                        gotOk(l, r, "tryReceiveOk");
                    }
                }
                case TRY_RECEIVE_TIMED -> {
                    try {
                        Msg m = l.ch.tryReceive(shortWait());
                        if (m != null) {
                            got(l, m);
                        }
                    } catch (InterruptedException | RuntimeException e) {
                        failed(e, l);
                    }
                }
                case CTX_RECEIVE -> {
                    try {
                        got(l, ctx.receive(l.ch));
                    } catch (InterruptedException | RuntimeException e) {
                        failed(e, l);
                    }
                }
                case CTX_RECEIVE_OK -> {
                    try {
                        gotOk(l, ctx.receiveOk(l.ch), "ctx.receiveOk");
                    } catch (InterruptedException | RuntimeException e) {
                        failed(e, l);
                    }
                }
                case ITERATE -> {
                    Iterator<Msg> it = l.ch.iterator();
                    try {
                        if (it.hasNext()) {
                            got(l, it.next());
                        }
                    } catch (ChannelInterruptedException e) {
                        Thread.interrupted(); // it set the status again; take it as this operation's interrupt
                        count(Count.OPS_INTERRUPTED);
                    } catch (RuntimeException e) {
                        failed(e, l);
                    }
                }
                case SELECT_SEND -> selectOp(l, 1 + rnd.nextInt(3), 0);
                case SELECT_RECEIVE -> selectOp(l, 0, 1 + rnd.nextInt(3));
                case SELECT_MIXED -> selectOp(l, 1 + rnd.nextInt(2), 1 + rnd.nextInt(2));
            }
        }

        /** A select of {@code sends} send cases and {@code receives} receive cases, plus maybe an extra case. */
        private void selectOp(Lane first, int sends, int receives) {
            List<SelectCase<Integer>> cases = new ArrayList<>();
            Msg[] offered = new Msg[sends];
            for (int i = 0; i < sends; i++) {
                Lane l = i == 0 ? first : lane();
                offered[i] = msg(l);
                int chosen = i;
                cases.add(l.ch.onSend(offered[i], () -> chosen));
            }
            for (int i = 0; i < receives; i++) {
                Lane l = i == 0 && sends == 0 ? first : lane();
                cases.add(rnd.nextBoolean()
                        ? l.ch.onReceive(m -> {
                            got(l, m);
                            return NOTHING_SENT;
                        })
                        : l.ch.onReceiveOk(r -> {
                            gotOk(l, r, "select onReceiveOk");
                            return NOTHING_SENT;
                        }));
            }
            switch (EXTRAS[rnd.nextInt(EXTRAS.length)]) {
                case NONE -> { }
                case TIMEOUT -> cases.add(after(shortWait(), () -> NOTHING_SENT));
                case DEFAULT -> cases.add(otherwise(() -> NOTHING_SENT));
                case CONTEXT -> cases.add(ctx.done().onDone(() -> NOTHING_SENT));
            }
            int chosen;
            try {
                chosen = select(cases);
            } catch (InterruptedException | RuntimeException e) {
                Count why = failed(e, null);
                for (Msg m : offered) {
                    notSent(m, why);
                }
                return;
            }
            for (int i = 0; i < sends; i++) {
                if (i == chosen) {
                    sent(offered[i]);
                } else {
                    notSent(offered[i], Count.NOT_SENT_NOT_CHOSEN);
                }
            }
        }

        private void gotOk(Lane l, Received<Msg> r, String where) {
            if (r.ok()) {
                got(l, r.value());
            } else {
                closed(l, r, where);
            }
        }

        private void sent(Msg m) {
            count(Count.SENT_OPS);
            if (!ledger.mark(m.id(), Ledger.SENT)) {
                fail("outcome twice", m + " reported sent twice");
            }
        }

        private void notSent(Msg m, Count why) {
            if (why == null) {
                return; // an unexpected exception: leave the id unresolved, it is already a failure
            }
            count(why);
            if (!ledger.mark(m.id(), Ledger.NOT_SENT)) {
                fail("outcome twice", m + " reported not sent twice");
            }
        }

        /**
         * Classifies what an operation threw; returns the not-sent reason, or null for an exception no
         * channel operation may throw (recorded as a failure).
         */
        private Count failed(Throwable e, Lane l) {
            switch (e) {
                case InterruptedException ie -> {
                    count(Count.OPS_INTERRUPTED);
                    return Count.NOT_SENT_INTERRUPTED;
                }
                case ContextDoneException cd -> {
                    count(Count.OPS_CONTEXT_DONE);
                    if (cd.error() == ContextError.DEADLINE_EXCEEDED) {
                        count(Count.DEADLINES);
                    }
                    return Count.NOT_SENT_CONTEXT;
                }
                case ChannelClosedException cc -> {
                    count(Count.OPS_CLOSED);
                    checkCause(l, cc.getCause(), cc.getMessage());
                    return Count.NOT_SENT_CLOSED;
                }
                default -> {
                    fail("unexpected exception", (l == null ? "select" : l.toString()) + ": " + e);
                    return null;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Report
    // ---------------------------------------------------------------------------------------------

    /**
     * The soak's figures.
     *
     * @param config what ran
     * @param elapsed how long it took, shutdown included
     * @param counts the counters
     * @param ledger what the ledger says of every value
     * @param failures failures other than the ledger's, by kind
     * @param examples the first failures, described
     * @param leakedGoroutines goroutines still alive after the grace period
     */
    record Report(Config config, Duration elapsed, Map<Count, Long> counts, Ledger.Verdict ledger,
                         Map<String, Long> failures, List<String> examples, int leakedGoroutines) {

        /** Values reported sent and never received. */
        long losses() {
            return ledger.lost;
        }

        /** Values received twice or more. */
        long duplicates() {
            return failures.getOrDefault("duplicate", 0L);
        }

        /** Whether the soak found nothing wrong. */
        boolean ok() {
            return ledger.lost == 0 && ledger.phantom == 0 && ledger.twoOutcomes == 0 && ledger.unresolved == 0
                    && failures.isEmpty() && leakedGoroutines == 0;
        }

        private long c(Count k) {
            return counts.get(k);
        }

        @Override
        public String toString() {
            long notSent = c(Count.NOT_SENT_INTERRUPTED) + c(Count.NOT_SENT_CONTEXT) + c(Count.NOT_SENT_CLOSED)
                    + c(Count.NOT_SENT_TIMED_OUT) + c(Count.NOT_SENT_FULL) + c(Count.NOT_SENT_NOT_CHOSEN);
            StringBuilder b = new StringBuilder();
            b.append(String.format("soak figures (seed %d, %d s run, %.1f s with shutdown)%n", config.seed(),
                    config.duration().toSeconds(), elapsed.toMillis() / 1000.0));
            b.append(String.format("  ops              %,d%n", c(Count.OPS)));
            b.append(String.format("  values           %,d: sent %,d, not sent %,d (interrupted %,d, context done %,d,"
                            + " closed %,d, timed out %,d, trySend false %,d, select case not chosen %,d)%n",
                    c(Count.VALUES), c(Count.SENT_OPS), notSent, c(Count.NOT_SENT_INTERRUPTED),
                    c(Count.NOT_SENT_CONTEXT), c(Count.NOT_SENT_CLOSED), c(Count.NOT_SENT_TIMED_OUT),
                    c(Count.NOT_SENT_FULL), c(Count.NOT_SENT_NOT_CHOSEN)));
            b.append(String.format("  received         %,d (by workers %,d, by drainers %,d, at the end %,d)%n",
                    ledger.received, c(Count.RECEIVED_BY_WORKERS), c(Count.RECEIVED_BY_DRAINERS),
                    c(Count.RECEIVED_AT_END)));
            b.append(String.format("  goroutines       %,d workers + %,d drainers (+ 3 chaos threads), %d channel slots%n",
                    config.goroutines(), c(Count.DRAINERS), config.channels()));
            b.append(String.format("  faults injected  %,d interrupts, %,d context cancels (%,d with a cause),"
                            + " %,d context deadlines hit, %,d closes (%,d with a cause, %,d for good)%n",
                    c(Count.INTERRUPTS), c(Count.CANCELS), c(Count.CANCELS_WITH_CAUSE), c(Count.DEADLINES),
                    c(Count.CLOSES), c(Count.CLOSES_WITH_CAUSE), c(Count.CLOSES_FOR_GOOD)));
            b.append(String.format("  operations ended by InterruptedException %,d, ContextDoneException %,d,"
                            + " ChannelClosedException %,d%n",
                    c(Count.OPS_INTERRUPTED), c(Count.OPS_CONTEXT_DONE), c(Count.OPS_CLOSED)));
            b.append(String.format("  losses %d, duplicates %d, received though not sent %d, two outcomes %d,"
                            + " no outcome %d, other failures %s, goroutines left blocked %d%n",
                    ledger.lost, duplicates(), ledger.phantom, ledger.twoOutcomes, ledger.unresolved, failures,
                    leakedGoroutines));
            if (!ledger.lostIds.isEmpty()) {
                b.append("  lost ids ").append(ledger.lostIds).append('\n');
            }
            if (!ledger.phantomIds.isEmpty()) {
                b.append("  received-though-not-sent ids ").append(ledger.phantomIds).append('\n');
            }
            if (!ledger.unresolvedIds.isEmpty()) {
                b.append("  ids without outcome ").append(ledger.unresolvedIds).append('\n');
            }
            for (String e : examples) {
                b.append("  ").append(e).append('\n');
            }
            b.append(ok() ? "  verdict: OK" : "  verdict: FAILED");
            return b.toString();
        }
    }
}
