package io.chanflow;

import io.chanflow.Chan.Op;
import io.chanflow.Chan.Waiter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/*
 * Overview
 * ========
 * Go's select (runtime/select.go), on the engine in Chan.
 *
 *   0. Fast paths. One channel case, alone or with a timeout or a default, or among nil cases: that
 *      channel's own blocking, timed or non-blocking operation (oneChannelOp, twoCaseFastPath), as Go
 *      compiles such selects. Otherwise read the lock-free readiness hint of every channel case (a value
 *      or a partner seems to be there, or the channel is closed: Chan.mayBeReady) in the same pass that
 *      sorts out the default and timeouts, pick one of the cases that look ready uniformly at random, and
 *      complete it under that one channel's lock. A select with a ready case thus costs one lock, not one
 *      per channel, one random draw (none when one case looks ready) and no permutation: a scan in a
 *      random order, which this replaced, cost nearly twice as much in a single-threaded loop over four
 *      channels (BENCHMARKS.md). The choice is uniform among the cases that stay ready (rule 8). If that
 *      case was taken meanwhile, or none looks ready, go on: "nothing is ready", and with it the default
 *      (rule 11), is only ever decided by step 2.
 *   1. Sort the distinct channels of the cases by id (the global lock order) and lock them all.
 *   2. Poll the cases in a uniformly random permutation; the first that can complete does so, under the
 *      locks. Since every channel's lock is held, the readiness of the whole select is judged at one
 *      instant (rule 11), and taking the first ready case of a random permutation picks uniformly among the
 *      ready ones (rule 8). A closed channel makes a receive case ready (it reports closed) and a send case
 *      ready (it fails). Nil-channel cases are skipped (rule 9).
 *   3. Nothing ready: return the default case's body if there is one. Otherwise enqueue one Waiter per
 *      channel case, in the same random order, all sharing one Op, unlock all and park. (Cases on one
 *      channel then sit in its FIFO queue in random order, so the partner that completes one picks
 *      uniformly among them.) The first channel that decides the Op by CAS
 *      completes exactly one case; the deadline of the earliest timeout case, or an interrupt, decide it
 *      otherwise.
 *   4. Unlink the other Waiters, one channel lock at a time, O(1) each (rule 10). A Waiter not yet
 *      unlinked is harmless meanwhile: its Op is decided, so any channel that meets it drops it.
 *
 * Our own Waiters are enqueued only after the poll, and queued Waiters never complete each other, so a
 * select with a send and a receive case on the same unbuffered channel cannot rendezvous with itself
 * (rule 12). Case bodies run after every lock is released.
 */
final class Select {
    private Select() {}

    @SafeVarargs
    static <R> R select(SelectCase<? extends R>... cases) throws InterruptedException {
        Objects.requireNonNull(cases, "cases");
        int n = cases.length;
        if (n == 1) {
            R r = oneChannelOp(cases[0], null);
            if (r != NO_FAST_PATH) {
                return r;
            }
        } else if (n == 2) {
            R r = twoCaseFastPath(cases[0], cases[1]);
            if (r != NO_FAST_PATH) {
                return r;
            }
        }
        SelectCase<? extends R> otherwise = null;
        SelectCase<? extends R> timeout = null;
        int m = 0;
        // Step 0's hint, read in the same pass: bit i set if case i's channel looked ready (n <= 64).
        long looksReady = 0;
        for (int i = 0; i < n; i++) {
            SelectCase<? extends R> c = Objects.requireNonNull(cases[i], "select case");
            switch (c.kind) {
                case DEFAULT -> {
                    if (otherwise != null) {
                        throw new IllegalArgumentException("multiple defaults in select");
                    }
                    otherwise = c;
                }
                case TIMEOUT -> {
                    if (timeout == null || c.nanos < timeout.nanos) {
                        timeout = c;
                    }
                }
                default -> {
                    if (c.chan != null) {
                        m++;
                        if (i < 64 && c.chan.mayBeReady(c.kind == SelectCase.Kind.SEND)) {
                            looksReady |= 1L << i;
                        }
                    }
                }
            }
        }
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.nanos;
        if (otherwise == null && Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (m == 1 && otherwise == null && (timeout == null || timeout.nanos > 0)) {
            // One channel case among nil cases (and maybe a timeout with time left): nil cases are never
            // ready, so this is that channel's own operation, as for a select of that case alone.
            for (SelectCase<? extends R> c : cases) {
                if (c.chan != null) {
                    return oneChannelOp(c, timeout);
                }
            }
        }
        // Step 0: one case that looks ready, completed under its own channel's lock alone.
        // (Only for up to 64 cases, whose hints all fit in the mask: a choice among some of them would not
        // be uniform.)
        if (looksReady != 0 && n <= 64 && (timeout == null || timeout.nanos > 0)) {
            SelectCase<? extends R> c = cases[nthSetBit(looksReady, uniform(Long.bitCount(looksReady)))];
            boolean send = c.kind == SelectCase.Kind.SEND;
            Object got = c.chan.pollNow(send, send ? c.value : null);
            if (got != Chan.NOT_READY) {
                return complete(c, got);
            }
            // it was taken meanwhile: judge all cases at one instant, below
        }

        // A uniformly random order of the cases: packed in a long (4 bits an index) when it fits, so the
        // common select of up to 16 cases allocates no array for it.
        int[] perm = n > 16 ? permutation(n) : null;
        long packed = n > 16 ? 0 : packedPermutation(n);
        Chan<?>[] order = new Chan<?>[m]; // made only now: a select that step 0 completes allocates no array
        m = 0;
        for (SelectCase<? extends R> c : cases) {
            if (c.chan != null) {
                order[m++] = c.chan;
            }
        }
        m = sortDistinct(order, m);
        int chosen = -1;
        Object got = null;
        Op op = null;
        Op wake = null;
        Waiter[] waiters = null;
        lockAll(order, m, otherwise != null);
        try {
            for (int k = 0; k < n && chosen < 0; k++) {
                int i = perm != null ? perm[k] : (int) (packed >>> (k << 2)) & 15;
                SelectCase<? extends R> c = cases[i];
                Object r = switch (c.kind) {
                    case RECEIVE, RECEIVE_OK -> c.chan == null ? Chan.NOT_READY : c.chan.pollReceiveLocked();
                    case SEND -> c.chan == null ? Chan.NOT_READY : c.chan.pollSendLocked(c.value);
                    case TIMEOUT -> c == timeout && c.nanos <= 0 ? null : Chan.NOT_READY;
                    case DEFAULT -> Chan.NOT_READY;
                };
                if (r != Chan.NOT_READY) {
                    chosen = i;
                    got = r;
                    if (c.chan != null) {
                        wake = c.chan.takeWake();
                    }
                }
            }
            if (chosen < 0 && otherwise == null) {
                op = new Op(Op.SELECT, cases, null);
                op.mayWaitHot(spinEligible(order, m));
                waiters = new Waiter[n];
                // Enqueue in the random order too: cases on the same channel then sit in its FIFO queue in
                // random order, so when a partner arrives it picks among them uniformly (Go's selectgo
                // does the same, for the same reason).
                for (int k = 0; k < n; k++) {
                    int i = perm != null ? perm[k] : (int) (packed >>> (k << 2)) & 15;
                    SelectCase<? extends R> c = cases[i];
                    if (c.chan == null) {
                        continue;
                    }
                    if (c.kind == SelectCase.Kind.SEND) {
                        Waiter w = new Waiter(op, i, c.value);
                        c.chan.sendq.add(w);
                        waiters[i] = w;
                    } else {
                        Waiter w = new Waiter(op, i, null);
                        c.chan.recvq.add(w);
                        waiters[i] = w;
                    }
                }
            }
        } finally {
            unlockAll(order, m);
        }
        Chan.wakeUp(wake);

        if (chosen < 0) {
            if (op == null) {
                return otherwise.run();
            }
            int s = op.await(timeout != null, deadline);
            for (int i = 0; i < n; i++) {
                if (i != s && waiters[i] != null) {
                    cases[i].chan.unlink(waiters[i]);
                }
            }
            if (s == Op.INTERRUPTED) {
                throw new InterruptedException();
            }
            if (s == Op.TIMED_OUT) {
                return timeout.run();
            }
            chosen = s;
            Waiter w = waiters[s];
            got = w.closed ? Chan.CLOSED : (w.sending ? Chan.SENT : w.item);
        }
        return complete(cases[chosen], got);
    }

    /** Marks "not handled" for the fast path; never a case body's result. */
    private static final Object NO_FAST_PATH = new Object();

    /**
     * Fast paths for two cases: one channel case and a default, the commonest non-blocking select (Go
     * compiles it to a non-blocking channel operation): one lock, no arrays, same semantics as the general
     * path; and one channel case with a timeout (oneChannelOp).
     */
    @SuppressWarnings("unchecked")
    private static <R> R twoCaseFastPath(SelectCase<? extends R> a, SelectCase<? extends R> b)
            throws InterruptedException {
        Objects.requireNonNull(a, "select case");
        Objects.requireNonNull(b, "select case");
        if (a.kind == SelectCase.Kind.TIMEOUT || b.kind == SelectCase.Kind.TIMEOUT) {
            return a.kind == SelectCase.Kind.TIMEOUT ? oneChannelOp(b, a) : oneChannelOp(a, b);
        }
        SelectCase<? extends R> c = a.kind == SelectCase.Kind.DEFAULT ? b : a;
        SelectCase<? extends R> otherwise = c == a ? b : a;
        if (otherwise.kind != SelectCase.Kind.DEFAULT || c.chan == null
                || c.kind == SelectCase.Kind.DEFAULT || c.kind == SelectCase.Kind.TIMEOUT) {
            return (R) NO_FAST_PATH;
        }
        boolean send = c.kind == SelectCase.Kind.SEND;
        Object got = c.chan.pollNow(send, send ? c.value : null);
        return got == Chan.NOT_READY ? otherwise.run() : complete(c, got);
    }

    /**
     * Fast path for a select whose one case is a blocking receive or send on a channel, or that plus one
     * timeout: the channel's own blocking (or timed) operation, then the body; Go compiles a one-case
     * select to a plain channel operation likewise. Same semantics as the general path: with one channel
     * case there is nothing to choose between, and a timeout with time left is not ready at the poll, so
     * both paths poll the channel once, then wait on it alone until a partner, close, the deadline or an
     * interrupt decides. A timeout of zero or less stays on the general path (it competes with a ready
     * channel case there).
     */
    @SuppressWarnings("unchecked")
    private static <R> R oneChannelOp(SelectCase<? extends R> c, SelectCase<? extends R> timeout)
            throws InterruptedException {
        Objects.requireNonNull(c, "select case");
        if (c.chan == null || c.kind == SelectCase.Kind.DEFAULT || c.kind == SelectCase.Kind.TIMEOUT
                || timeout != null && timeout.nanos <= 0) {
            return (R) NO_FAST_PATH;
        }
        boolean timed = timeout != null;
        long deadline = timed ? System.nanoTime() + timeout.nanos : 0;
        Object got;
        if (c.kind == SelectCase.Kind.SEND) {
            got = ((Chan<Object>) c.chan).send0(c.value, timed, deadline) ? Chan.SENT : Chan.NOT_READY;
        } else {
            got = c.chan.receive0(timed, deadline);
        }
        return got == Chan.NOT_READY ? timeout.run() : complete(c, got);
    }

    /** Runs the chosen case's body with what its channel gave (a value, SENT or CLOSED). */
    private static <R> R complete(SelectCase<? extends R> c, Object got) throws InterruptedException {
        return switch (c.kind) {
            case RECEIVE -> {
                if (got == Chan.CLOSED) {
                    throw c.chan.closedException("receive from closed channel");
                }
                yield c.run(got);
            }
            case RECEIVE_OK -> c.run(got == Chan.CLOSED ? Received.closed(c.chan.closeCause()) : new Received<>(got, true));
            case SEND -> {
                if (got == Chan.CLOSED) {
                    throw c.chan.closedException("send on closed channel");
                }
                yield c.run();
            }
            case TIMEOUT, DEFAULT -> c.run();
        };
    }

    /** Sorts a[0..m) by id and drops repeats (a channel may appear in several cases); returns the new m. */
    private static int sortDistinct(Chan<?>[] a, int m) {
        for (int i = 1; i < m; i++) {
            Chan<?> x = a[i];
            int j = i - 1;
            while (j >= 0 && a[j].id > x.id) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
        int d = 0;
        for (int i = 0; i < m; i++) {
            if (d == 0 || a[d - 1] != a[i]) {
                a[d++] = a[i];
            }
        }
        return d;
    }

    /**
     * Locks in id order. Only the first lock may park: a thread never parks while it holds a channel lock,
     * which is what lets non-blocking operations spin for a lock (Chan.lockWithoutParking).
     */
    private static void lockAll(Chan<?>[] order, int m, boolean nonBlocking) {
        if (m > 0) {
            if (nonBlocking) {
                order[0].lockWithoutParking(); // a select with a default never blocks, not even for a lock
            } else {
                order[0].lock();
            }
        }
        for (int i = 1; i < m; i++) {
            order[i].lockWithoutParking();
        }
    }

    /** Op.spin for a select about to enqueue: every channel unbuffered, with no waiter queued yet. */
    private static boolean spinEligible(Chan<?>[] order, int m) {
        for (int i = 0; i < m; i++) {
            Chan<?> ch = order[i];
            if (ch.cap() != 0 || ch.sendq.size != 0 || ch.recvq.size != 0) {
                return false;
            }
        }
        return true;
    }

    private static void unlockAll(Chan<?>[] order, int m) {
        for (int i = m - 1; i >= 0; i--) {
            order[i].unlock();
        }
    }

    /**
     * A uniformly random permutation of 0..n-1, n <= 16, index k in bits 4k..4k+3 (Fisher-Yates, each
     * choice by uniform, so exactly uniform and without division). Only a select that step 0 did not
     * complete needs one.
     */
    static long packedPermutation(int n) {
        long p = 0; // p[0] = 0: Fisher-Yates' first step is the identity
        for (int i = 1; i < n; i++) {
            int j = uniform(i + 1);
            long atJ = (p >>> (j << 2)) & 15;
            p = (p & ~(15L << (i << 2))) | (atJ << (i << 2)); // p[i] = p[j]
            p = (p & ~(15L << (j << 2))) | ((long) i << (j << 2)); // p[j] = i
        }
        return p;
    }

    /** The index of the (k+1)-th lowest set bit of mask, which has more than k bits set. */
    static int nthSetBit(long mask, int k) {
        for (; k > 0; k--) {
            mask &= mask - 1; // clears the lowest set bit
        }
        return Long.numberOfTrailingZeros(mask);
    }

    /**
     * A uniformly random int in [0, bound), bound >= 1: no random call for 1, else one 32-bit draw by
     * Lemire's multiply-and-shift, with the rejection step that makes it exactly uniform.
     */
    static int uniform(int bound) {
        if (bound == 1) {
            return 0;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long m = (rnd.nextInt() & 0xFFFF_FFFFL) * bound;
        if ((m & 0xFFFF_FFFFL) < bound) { // only then can it be below the threshold 2^32 mod bound
            long threshold = 0x1_0000_0000L % bound;
            while ((m & 0xFFFF_FFFFL) < threshold) {
                m = (rnd.nextInt() & 0xFFFF_FFFFL) * bound;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    private static int[] permutation(int n) {
        int[] p = new int[n];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            int j = rnd.nextInt(i + 1);
            p[i] = p[j];
            p[j] = i;
        }
        return p;
    }
}
