package io.chanflow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * The buffer of a buffered channel (capacity 1..MAX), with lock-free fast paths.
 * =============================================================================
 * A channel whose partner is running on the other core used to pay for its lock on every value: the lock
 * word, count, head and the wait queues all moved between the two cores' caches for each send and each
 * receive. This ring lets the common case (no one waiting, channel open, buffer neither full nor empty)
 * complete with one CAS on an index that only its own side writes, so a producer and a consumer that are
 * more than a few slots apart share no cache line at all, and everything else still goes through the
 * channel lock exactly as before (docs/adr/0006-buffered-ring-fast-path.md).
 *
 * Algorithm: D. Vyukov's bounded MPMC queue over n = max(2, capacity) slots. Slot i holds a sequence number:
 * equal to position p (with i = p mod n) when the slot is free for the send at p; p + 1 once that send has
 * stored its value; p + n once the receive at p has taken it (free for the send one lap later). A send reads
 * the tail, checks the slot's sequence, CASes the tail forward, stores the value and publishes the
 * sequence; a receive does the same with the head. The positions never wrap (63 bits). n is at least 2
 * because with one slot "filled by the send at p" (p + 1) and "freed by the receive at p" (p + n) would be
 * the same number; a capacity-1 channel therefore also checks the head before a send.
 *
 * Flags that send a fast operation to the locked path
 * --------------------------------------------------
 * The head and tail words hold position << 3 | flags; a fast operation only CASes a word whose flags are
 * all clear, so any flag diverts it to the channel's locked path:
 *   LOCKED (both words) while the channel lock is held: the locked code, including a select judging several
 *          channels at one instant (rule 11), sees a buffer that no fast operation changes under it.
 *   CLOSED (tail)       for ever once closed: a send must fail (locked path), never slip a value in.
 *   RWAIT  (tail)       receivers are queued: a send must hand its value to the first of them (rule 3).
 *   SWAIT  (head)       senders are queued: a receive must move the oldest one's value to the tail (rule 3).
 * The lock holder sets LOCKED with an atomic OR after acquiring the channel lock and rewrites both words
 * (positions kept, flags recomputed from the queues and the closed flag) before releasing it. An operation
 * that had already won its CAS when LOCKED was set is "in flight": it stores its value or frees its slot
 * within a few instructions, and the locked code waits for that (spinning, since the other thread is
 * running) before touching that slot. A fast operation whose word was clear, went stale and came back to
 * the same value (same position, no flags) acts on a slot that nobody else could have touched meanwhile,
 * since only the operation at that position writes it: the ABA is harmless.
 *
 * Invariants
 *   - head position <= tail position <= head position + capacity.
 *   - Only the holder of the channel lock writes a word while its LOCKED flag is set.
 *   - With the lock held, after waiting for in-flight operations, the values are exactly the positions
 *     [head, tail), in order.
 *   - A receiver is queued only when the buffer is empty and a sender only when it is full (both checked
 *     under the lock, with fast operations shut out), so a value never sits in the buffer while a receiver
 *     waits, nor a free slot while a sender waits.
 */
final class Ring {

    /** Capacities up to this get a ring, allocated in full when the channel is made (as Go does). */
    static final int MAX = 1 << 16;

    static final long LOCKED = 1, CLOSED = 2, RWAIT = 4, SWAIT = 2, FLAGS = 7, STEP = 8;

    // ctl: [HEAD] and [TAIL] on cache lines of their own (padding on both sides), then the sequences.
    private static final int HEAD = 8, TAIL = 24, SEQ0 = 40;

    final int capacity;
    private final int n; // slots: max(2, capacity)
    private final int mask; // n - 1 when a power of two, else -1
    private final Object[] slots;
    private final long[] ctl;

    Ring(int capacity) {
        this.capacity = capacity;
        this.n = Math.max(2, capacity);
        this.mask = Integer.bitCount(n) == 1 ? n - 1 : -1;
        this.slots = new Object[n];
        this.ctl = new long[SEQ0 + n];
        for (int i = 0; i < n; i++) {
            ctl[SEQ0 + i] = i;
        }
    }

    private int index(long position) {
        return mask >= 0 ? (int) position & mask : (int) (position % n);
    }

    // ---------------------------------------------------------------------------------------------
    // Fast paths (no lock)
    // ---------------------------------------------------------------------------------------------

    /** Appends x if no flag is set and there is room; false sends the caller to the locked path. */
    boolean tryOffer(Object x) {
        long[] c = ctl;
        for (;;) {
            long w = (long) ARRAY.getVolatile(c, TAIL);
            if ((w & FLAGS) != 0) {
                return false;
            }
            long p = w >>> 3;
            int i = index(p);
            long s = (long) ARRAY.getAcquire(c, SEQ0 + i);
            if (s == p) {
                if (n != capacity && p - ((long) ARRAY.getAcquire(c, HEAD) >>> 3) >= capacity) {
                    return false; // capacity 1, full: the slots alone would take a second value
                }
                if (ARRAY.compareAndSet(c, TAIL, w, w + STEP)) {
                    slots[i] = x;
                    ARRAY.setRelease(c, SEQ0 + i, p + 1);
                    return true;
                }
            } else if (s < p) {
                return false; // full, or the receive of the previous lap is in flight: let the lock decide
            }
            // else another sender took position p: read the tail again
        }
    }

    /**
     * tryOffer retried for up to spins rounds while the ring is merely full (no flag set), for a sender
     * about to block: a receiver that is running frees a slot within a few hundred nanoseconds, far less
     * than parking and being woken. Gives up at once when a flag appears (the locked path must decide).
     */
    boolean offerSpinning(Object x, int spins) {
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
            if (((long) ARRAY.getVolatile(ctl, TAIL) & FLAGS) != 0) {
                return false;
            }
            if (tryOffer(x)) {
                return true;
            }
        }
        return false;
    }

    /** Takes the head value if no flag is set and there is one; null sends the caller to the locked path. */
    Object tryPoll() {
        long[] c = ctl;
        for (;;) {
            long w = (long) ARRAY.getVolatile(c, HEAD);
            if ((w & FLAGS) != 0) {
                return null;
            }
            long p = w >>> 3;
            int i = index(p);
            long s = (long) ARRAY.getAcquire(c, SEQ0 + i);
            if (s == p + 1) {
                if (ARRAY.compareAndSet(c, HEAD, w, w + STEP)) {
                    Object x = slots[i];
                    slots[i] = null;
                    ARRAY.setRelease(c, SEQ0 + i, p + n);
                    return x;
                }
            } else if (s < p + 1) {
                return null; // empty, or the send at p is in flight: let the lock decide
            }
        }
    }

    /**
     * Values in the buffer at one instant during the call, counting sends in flight: the head is read
     * first, so tail - head can only over-count by what arrived meanwhile; clamped to [0, capacity].
     */
    int size() {
        long h = (long) ARRAY.getAcquire(ctl, HEAD) >>> 3;
        long t = (long) ARRAY.getAcquire(ctl, TAIL) >>> 3;
        return (int) Math.max(0, Math.min(capacity, t - h));
    }

    /** Without the lock: true if the buffer was empty at one instant during the call (head read first). */
    boolean looksEmpty() {
        long h = (long) ARRAY.getAcquire(ctl, HEAD) >>> 3;
        return (long) ARRAY.getAcquire(ctl, TAIL) >>> 3 == h;
    }

    /** Without the lock: true if the buffer was full at one instant during the call (tail read first). */
    boolean looksFull() {
        long t = (long) ARRAY.getAcquire(ctl, TAIL) >>> 3;
        return t - ((long) ARRAY.getAcquire(ctl, HEAD) >>> 3) >= capacity;
    }

    // ---------------------------------------------------------------------------------------------
    // Under the channel lock
    // ---------------------------------------------------------------------------------------------

    /** Called right after acquiring the channel lock: shuts out fast operations. */
    void lockWords() {
        ARRAY.getAndBitwiseOr(ctl, TAIL, LOCKED);
        ARRAY.getAndBitwiseOr(ctl, HEAD, LOCKED);
    }

    /** Called right before releasing the channel lock: clears LOCKED and sets the other flags from the state. */
    void unlockWords(boolean closed, boolean receiversQueued, boolean sendersQueued) {
        long t = (long) ARRAY.get(ctl, TAIL) & ~FLAGS;
        long h = (long) ARRAY.get(ctl, HEAD) & ~FLAGS;
        ARRAY.setRelease(ctl, HEAD, h | (sendersQueued ? SWAIT : 0));
        ARRAY.setRelease(ctl, TAIL, t | (closed ? CLOSED : 0) | (receiversQueued ? RWAIT : 0));
    }

    /** The number of values, in-flight sends included. Lock held. */
    int sizeLocked() {
        return (int) (((long) ARRAY.get(ctl, TAIL) >>> 3) - ((long) ARRAY.get(ctl, HEAD) >>> 3));
    }

    /** Appends x if there is room (waiting for an in-flight receive to free the slot). Lock held. */
    boolean offerLocked(Object x) {
        long tw = (long) ARRAY.get(ctl, TAIL);
        long p = tw >>> 3;
        if (p - ((long) ARRAY.get(ctl, HEAD) >>> 3) >= capacity) {
            return false;
        }
        int i = index(p);
        while ((long) ARRAY.getAcquire(ctl, SEQ0 + i) != p) {
            // the receive at p - n won its CAS before LOCKED was set and is freeing the slot
        }
        slots[i] = x;
        ARRAY.setRelease(ctl, SEQ0 + i, p + 1);
        ARRAY.setRelease(ctl, TAIL, tw + STEP);
        return true;
    }

    /** Takes the head value, or null if empty (waiting for an in-flight send to store it). Lock held. */
    Object pollLocked() {
        long hw = (long) ARRAY.get(ctl, HEAD);
        long p = hw >>> 3;
        if (((long) ARRAY.get(ctl, TAIL) >>> 3) == p) {
            return null;
        }
        int i = index(p);
        while ((long) ARRAY.getAcquire(ctl, SEQ0 + i) != p + 1) {
            // the send at p won its CAS before LOCKED was set and is storing its value
        }
        Object x = slots[i];
        slots[i] = null;
        ARRAY.setRelease(ctl, SEQ0 + i, p + n);
        ARRAY.setRelease(ctl, HEAD, hw + STEP);
        return x;
    }

    private static final VarHandle ARRAY = MethodHandles.arrayElementVarHandle(long[].class);
}
