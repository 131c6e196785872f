package io.chanflow;

import io.chanflow.Chan.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * What no other JVM channel library shows: the goroutines started with {@link Go#go}, what each is blocked
 * on and since when, as Go prints them on a crash ({@link #dump()}), and a leak check in the spirit of Go's
 * {@code goleak} ({@link #snapshot()} and {@link #verifyNoLeaks}).
 *
 * <h2>Cost</h2>
 * Always on and cheap: {@code go} adds and removes one entry of a concurrent map, and a channel operation
 * that parks records the time it parked (it is the park's own blocker object that says on what, so nothing
 * is written on the fast path). Recording <em>where</em> each goroutine was created walks the stack, so it
 * is off unless {@link #setCaptureCreationSites(boolean)} (or the system property
 * {@code chanflow.goroutines.creationSites=true}) turns it on; leak-check test extensions should turn it on.
 *
 * <h2>Consistency</h2>
 * A dump is a best-effort picture taken goroutine by goroutine while they run, like a thread dump: each
 * entry is true of its goroutine at some instant during the call.
 */
public final class Goroutines {
    private Goroutines() {}

    private static final Map<Thread, Info> LIVE = new ConcurrentHashMap<>();
    private static volatile boolean captureSites = Boolean.getBoolean("chanflow.goroutines.creationSites");
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String GO = Go.class.getName();
    private static final String GOROUTINES = Goroutines.class.getName();

    /** A live goroutine's registration: its id and, if captured, where it was created. */
    record Info(long id, long createdNanos, List<StackTraceElement> createdBy) {}

    static Info created(long id) {
        List<StackTraceElement> site = captureSites ? creationSite() : List.of();
        return new Info(id, System.nanoTime(), site);
    }

    static void register(Thread t, Info info) {
        LIVE.put(t, info);
    }

    static void ended(Thread t) {
        LIVE.remove(t);
    }

    /** The first few frames outside Chanflow's own goroutine-starting code. */
    private static List<StackTraceElement> creationSite() {
        return WALKER.walk(frames -> frames
                .dropWhile(f -> f.getClassName().equals(GOROUTINES) || f.getClassName().equals(GO)
                        || f.getClassName().startsWith("io.chanflow.sync."))
                .limit(6)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .collect(Collectors.toList()));
    }

    /**
     * Turns recording of creation sites on or off (off by default; see the class description).
     *
     * @param on whether to record where each goroutine is created
     * @return the previous setting
     */
    public static boolean setCaptureCreationSites(boolean on) {
        boolean old = captureSites;
        captureSites = on;
        return old;
    }

    /**
     * One goroutine as seen by {@link #list()}.
     *
     * @param id the goroutine id ({@code goroutine-<id>} is its thread name)
     * @param thread the virtual thread
     * @param state what it does: {@code "running"}, {@code "chan send"}, {@code "chan receive"},
     *     {@code "select"}, {@code "select (no cases)"}, or the thread state ({@code "waiting"} etc.) when it is
     *     blocked in something other than a channel. A select with a single channel case (alone or with a
     *     timeout) shows as that channel operation, as in Go, which compiles it to one; so does a select
     *     whose other channel cases are all nil, which can only wait on that one channel
     * @param waitingOn the channels it waits on, empty unless blocked in a channel operation
     * @param blockedFor how long it has been parked in that operation, or {@link Duration#ZERO}
     * @param createdBy where it was created, if creation sites are captured, else empty
     * @param stack its stack now
     */
    public record GoroutineInfo(long id, Thread thread, String state, List<String> waitingOn,
                                Duration blockedFor, List<StackTraceElement> createdBy,
                                List<StackTraceElement> stack) {

        /** Formats this goroutine the way Go's traceback does (state, wait, stack, creator). */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append("goroutine ").append(id).append(" [").append(state);
            if (!blockedFor.isZero()) {
                b.append(", ").append(blockedFor.toMillis()).append(" ms");
            }
            b.append("]:\n");
            if (!waitingOn.isEmpty()) {
                b.append("    waiting on ").append(String.join(", ", waitingOn)).append('\n');
            }
            for (StackTraceElement e : stack) {
                b.append("    at ").append(e).append('\n');
            }
            if (!createdBy.isEmpty()) {
                b.append("  created by ").append(createdBy.get(0)).append('\n');
                for (StackTraceElement e : createdBy.subList(1, createdBy.size())) {
                    b.append("    at ").append(e).append('\n');
                }
            }
            return b.toString();
        }
    }

    /**
     * The goroutines started with {@link Go#go} that have not ended, oldest first.
     *
     * @return a best-effort snapshot
     */
    public static List<GoroutineInfo> list() {
        List<GoroutineInfo> out = new ArrayList<>();
        for (Map.Entry<Thread, Info> e : LIVE.entrySet()) {
            out.add(describe(e.getKey(), e.getValue()));
        }
        out.sort(Comparator.comparingLong(GoroutineInfo::id));
        return out;
    }

    private static GoroutineInfo describe(Thread t, Info info) {
        Object blocker = LockSupport.getBlocker(t);
        if (blocker instanceof Chan.HandOffQueue q) {
            blocker = q.waiting;
        }
        List<StackTraceElement> stack = withoutParkFrames(t.getStackTrace());
        String state;
        List<String> on = List.of();
        Duration blocked = Duration.ZERO;
        if (blocker instanceof Op op && op.state == Op.WAITING) {
            long since = op.parkedSince;
            if (since != 0) {
                blocked = Duration.ofNanos(Math.max(0, System.nanoTime() - since));
            }
            switch (op.kind) {
                case Op.SEND -> {
                    state = "chan send";
                    on = List.of(String.valueOf(op.target));
                }
                case Op.RECEIVE -> {
                    state = "chan receive";
                    on = List.of(String.valueOf(op.target));
                }
                default -> {
                    SelectCase<?>[] cases = (SelectCase<?>[]) op.target;
                    on = new ArrayList<>();
                    for (SelectCase<?> c : cases) {
                        if (c.chan != null) {
                            on.add(c.chan + (c.kind == SelectCase.Kind.SEND ? " (send)" : " (receive)"));
                        } else if (c.kind == SelectCase.Kind.TIMEOUT) {
                            on.add("timeout");
                        }
                    }
                    state = on.isEmpty() ? "select (no cases)" : "select";
                }
            }
        } else {
            Thread.State s = t.getState();
            state = s == Thread.State.RUNNABLE ? "running" : s.name().toLowerCase(java.util.Locale.ROOT);
        }
        return new GoroutineInfo(info.id(), t, state, on, blocked, info.createdBy(), stack);
    }

    private static final Set<String> PARK_FRAMES = Set.of("java.lang.VirtualThread", "java.lang.System$1",
            "java.util.concurrent.locks.LockSupport", "java.util.concurrent.LinkedTransferQueue",
            "java.util.concurrent.LinkedTransferQueue$DualNode", Op.class.getName());

    /** Drops the parking machinery from the top of a stack, so it starts at the channel operation. */
    private static List<StackTraceElement> withoutParkFrames(StackTraceElement[] frames) {
        int i = 0;
        while (i < frames.length && PARK_FRAMES.contains(frames[i].getClassName())) {
            i++;
        }
        return List.of(frames).subList(i, frames.length);
    }

    /**
     * Every live goroutine, formatted like Go's goroutine dump.
     *
     * @return the dump (empty string if none)
     */
    public static String dump() {
        return list().stream().map(GoroutineInfo::toString).collect(Collectors.joining("\n"));
    }

    /**
     * The goroutines alive now, to compare with later by {@link #verifyNoLeaks}.
     *
     * @return an opaque snapshot
     */
    public static Snapshot snapshot() {
        return new Snapshot(Set.copyOf(LIVE.keySet()));
    }

    /**
     * The goroutines alive at some moment.
     *
     * @param threads their threads
     */
    public record Snapshot(Set<Thread> threads) {
        /**
         * Copies the set.
         *
         * @param threads their threads
         */
        public Snapshot {
            threads = Set.copyOf(threads);
        }
    }

    /**
     * The goroutines started since {@code before} that are still alive.
     *
     * @param before the earlier snapshot
     * @return those goroutines, described
     */
    public static List<GoroutineInfo> startedSince(Snapshot before) {
        Objects.requireNonNull(before, "before");
        return list().stream().filter(g -> !before.threads().contains(g.thread())).toList();
    }

    /**
     * Fails if goroutines started since {@code before} are still alive after waiting up to {@code grace} for
     * them to end (goleak's {@code VerifyNone}). Goroutines that are merely finishing get the grace period;
     * a goroutine blocked for ever is reported with what it waits on, its stack and where it was created.
     *
     * @param before the snapshot taken before the code under test ran
     * @param grace how long to give goroutines to end
     * @throws AssertionError naming every leaked goroutine
     * @throws InterruptedException if interrupted while waiting
     */
    public static void verifyNoLeaks(Snapshot before, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<GoroutineInfo> leaked = startedSince(before);
        while (!leaked.isEmpty() && System.nanoTime() - deadline < 0) {
            for (GoroutineInfo g : leaked) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    g.thread().join(Duration.ofNanos(left));
                }
            }
            leaked = startedSince(before);
        }
        if (!leaked.isEmpty()) {
            throw new AssertionError(leaked.size() + " goroutine(s) leaked:\n\n"
                    + leaked.stream().map(GoroutineInfo::toString).collect(Collectors.joining("\n")));
        }
    }
}
