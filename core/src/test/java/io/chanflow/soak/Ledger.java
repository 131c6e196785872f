package io.chanflow.soak;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/*
 * Overview
 * ========
 * Three bits per value id, set concurrently by any number of threads: SENT (the sending operation returned
 * normally), NOT_SENT (it threw, timed out, or returned false) and RECEIVED. Ids are dense from 0, so the
 * bits live in long[] chunks of 2^20 ids each, allocated on first use; a chunk holds the three flags of 64
 * ids in three consecutive words. Setting a bit is one getAndBitwiseOr, which also says whether it was set
 * before (a duplicate receive, or an id given two outcomes).
 *
 * Memory: 3 bits per id, 48 MiB per 128 Mi values; the soak's figures say how many values it issued.
 */
/** Outcome bits per value id, for the soak's exactly-once check. Thread-safe. */
final class Ledger {
    static final int SENT = 0;
    static final int NOT_SENT = 1;
    static final int RECEIVED = 2;

    private static final int CHUNK_SHIFT = 20;
    private static final int CHUNK_IDS = 1 << CHUNK_SHIFT;
    private static final int MAX_CHUNKS = 1 << 12;
    /** How many offending ids of each kind {@link #verify} quotes. */
    private static final int EXAMPLES = 8;

    private final AtomicReferenceArray<long[]> chunks = new AtomicReferenceArray<>(MAX_CHUNKS);

    /**
     * Sets {@code flag} for {@code id}.
     *
     * @return whether this call set it (false: it was set already)
     */
    boolean mark(long id, int flag) {
        long[] c = chunk(id);
        int word = 3 * (int) ((id & (CHUNK_IDS - 1)) >>> 6) + flag;
        long bit = 1L << (id & 63);
        return ((long) WORDS.getAndBitwiseOr(c, word, bit) & bit) == 0;
    }

    private long[] chunk(long id) {
        int i = (int) (id >>> CHUNK_SHIFT);
        if (i >= MAX_CHUNKS) {
            throw new IllegalStateException("soak ledger full: more than " + ((long) MAX_CHUNKS << CHUNK_SHIFT) + " values");
        }
        long[] c = chunks.get(i);
        if (c == null) {
            long[] fresh = new long[3 * (CHUNK_IDS / 64)];
            c = chunks.compareAndExchange(i, null, fresh);
            if (c == null) {
                c = fresh;
            }
        }
        return c;
    }

    /**
     * What the bits of ids {@code [0, n)} say. Call once every thread that marks has ended.
     *
     * @param n the number of ids issued
     * @return the counts, with a few example ids of each failure
     */
    Verdict verify(long n) {
        Verdict v = new Verdict();
        for (long base = 0; base < n; base += 64) {
            long[] c = chunks.get((int) (base >>> CHUNK_SHIFT));
            long valid = n - base >= 64 ? -1L : (1L << (n - base)) - 1;
            long s = 0;
            long ns = 0;
            long r = 0;
            if (c != null) {
                int w = 3 * (int) ((base & (CHUNK_IDS - 1)) >>> 6);
                s = c[w + SENT];
                ns = c[w + NOT_SENT];
                r = c[w + RECEIVED];
            }
            v.sent += Long.bitCount(s & valid);
            v.notSent += Long.bitCount(ns & valid);
            v.received += Long.bitCount(r & valid);
            v.lost += count(s & ~ns & ~r & valid, base, v.lostIds);
            v.phantom += count(ns & r & valid, base, v.phantomIds);
            v.twoOutcomes += count(s & ns & valid, base, v.twoOutcomeIds);
            v.unresolved += count(~s & ~ns & valid, base, v.unresolvedIds);
        }
        return v;
    }

    private static long count(long bits, long base, List<Long> examples) {
        for (long b = bits; b != 0 && examples.size() < EXAMPLES; b &= b - 1) {
            examples.add(base + Long.numberOfTrailingZeros(b));
        }
        return Long.bitCount(bits);
    }

    /** The result of {@link #verify}. Only lost, phantom, twoOutcomes and unresolved are failures. */
    static final class Verdict {
        long sent;
        long notSent;
        long received;
        /** Reported sent, never received. */
        long lost;
        /** Reported not sent, yet received. */
        long phantom;
        /** Reported both sent and not sent: a harness error. */
        long twoOutcomes;
        /** No outcome recorded: the sending operation failed in an unexpected way. */
        long unresolved;
        final List<Long> lostIds = new ArrayList<>();
        final List<Long> phantomIds = new ArrayList<>();
        final List<Long> twoOutcomeIds = new ArrayList<>();
        final List<Long> unresolvedIds = new ArrayList<>();
    }

    // VarHandle mechanics
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
}
