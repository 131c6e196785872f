package io.chanflow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/*
 * Overview
 * ========
 * The engine follows Go's runtime (runtime/chan.go, runtime/select.go) rather than the segment-based
 * lock-free algorithm of Kotlin and Jox; docs/adr/0001-engine-go-style-locked-channel.md says why.
 *
 * Each channel has one lock (this object's AQS state: 0 free, 1 held; not reentrant) guarding: the buffer,
 * the closed flag and cause, and two FIFO wait queues of Waiter nodes, one of blocked senders (sendq) and
 * one of blocked receivers (recvq). The buffer of a channel with capacity 1..Ring.MAX is a Ring, whose
 * sends and receives complete without the lock while nobody waits and the channel is open (Ring's class
 * comment, ADR 0006): flags in its index words send every other case here, and lock() shuts the fast
 * paths out while the lock is held, so the locked code below sees a buffer nobody else changes. Larger
 * capacities keep a plain ring grown on demand under the lock (buf, head, count).
 *
 * No thread ever parks while holding a channel lock (a select takes its second and later locks by
 * spinning), so operations promised never to block can spin for the lock instead of parking on it; and a
 * partner completed under the lock is unparked only after it is released (Go's goready after unlock), to
 * keep the critical section short.
 *
 *   send(x):    closed?                 -> fail "send on closed channel"
 *               a live receiver waits?  -> hand x to it directly and wake it
 *               room in the buffer?     -> append x
 *               ring full?              -> spin briefly for a slot first (spinForSlot, ADR 0007)
 *               else                    -> enqueue a Waiter holding x on sendq, unlock, park
 *   receive():  buffer non-empty?       -> take the head; if a live sender waits, move its value to the
 *                                          tail and wake it (FIFO across buffer and sendq)
 *               a live sender waits?    -> take its value directly (unbuffered hand-off) and wake it
 *               closed?                 -> report closed
 *               else                    -> enqueue a Waiter on recvq, unlock, park
 *   close():    mark closed, then wake every queued receiver (closed) and sender (fails)
 *
 * Waiters and operations
 * ----------------------
 * A blocking operation, or a whole select, is one Op: the owning thread plus an int state that starts
 * WAITING and is decided exactly once by CAS: to the index of the case that completed, or to INTERRUPTED
 * or TIMED_OUT by the owner itself. A Waiter is one Op's presence on one channel's queue (a select has one
 * Waiter per channel case, all sharing the Op). Whoever holds a channel's lock and dequeues a Waiter
 * first writes the transfer into it (the value for a receiver, the closed flag), then tries the CAS; only
 * the winner's writes are ever read, by the owner after it sees the state change. A Waiter whose CAS fails
 * is stale (its select completed elsewhere, or it was interrupted or timed out) and is simply dropped, so
 * a stale waiter can never take a value.
 *
 * The owner waits until its state leaves WAITING (Op's spin-or-park policy: a virtual thread waiting for a
 * hand-off waits in a LinkedTransferQueue of its own for the JDK's guarded spin, others park at once, a
 * platform thread spins briefly first; ADR 0007). Afterwards it unlinks its other Waiters (a select's
 * losing cases, or its only Waiter after an interrupt or timeout) from their queues: the queues are
 * doubly linked, so this is O(1) per channel, whatever the number of other waiters.
 *
 * Lock-free "not ready" checks (Go's chanrecv/chansend fast paths for non-blocking operations)
 * ---------------------------------------------------------------------------------------------
 * count, closed and each queue's size are written only under the lock, with release stores, so they can
 * also be read without it (acquire loads); a Ring's indices can always be read. A non-blocking receive
 * first reads whether the channel is empty (unbuffered: no sender queued; buffered: head == tail, or
 * count == 0), then closed: if empty and then open were seen, there was an instant (the first read) at
 * which the channel was both empty and open, because closing is one-way, so "not ready" is a correct
 * answer without locking. Empty, then closed, then empty again: the channel was closed and drained
 * (nothing can be added after closing), so "closed" is correct too. A non-blocking send reads full
 * (unbuffered: no receiver queued; buffered: tail - head, or count, == capacity) first, then open, for
 * the same reason. Stale waiters only make a queue look non-empty, which sends the operation
 * down the locked path, never to a wrong answer. The cause is written before closed, so whoever has seen
 * closed can read it without the lock.
 *
 * Invariants (under the lock)
 *   - Grown buffer: 0 <= count <= capacity; buffered values are buf[head], buf[head+1], ... (mod buf.length).
 *   - Ring: see Ring; while the lock is held no fast operation starts, so its contents only change here.
 *   - A Waiter is in at most one queue, and `queued` is true exactly while it is linked.
 *   - Once closed, no Waiter is ever added to either queue.
 *   - Non-invariant: a queue may hold stale Waiters whose Op was decided elsewhere; every dequeue skips them.
 */
@SuppressWarnings("serial") // never serialized: AbstractQueuedSynchronizer only lends it its lock word
final class Chan<E> extends AbstractQueuedSynchronizer implements Channel<E> {

    /** Returned by the poll methods when the operation cannot complete now. */
    static final Object NOT_READY = new Object();
    /** Returned by the poll methods when the channel is closed (and drained, for a receive). */
    static final Object CLOSED = new Object();
    /** Returned by pollSendLocked when the value went into the buffer or to a receiver. */
    static final Object SENT = new Object();

    private static final AtomicLong IDS = new AtomicLong();

    /** Lock order for select, which locks several channels at once: ascending id. */
    final long id = IDS.incrementAndGet();
    final WaitQueue sendq = new WaitQueue();
    final WaitQueue recvq = new WaitQueue();

    private final int capacity;
    /** The buffer of a channel with capacity 1..Ring.MAX (lock-free fast paths); null otherwise. */
    private final Ring ring;
    /** The buffer of a channel with capacity above Ring.MAX, grown on demand under the lock; else null. */
    private Object[] buf;
    private int head;
    /** Written under the lock with release stores (COUNT); read plainly under it, by getAcquire without it. */
    private int count;
    /** Written once, under the lock, with a release store after cause; readable without the lock. */
    private boolean closed;
    private Throwable cause;
    /**
     * The Op a poll method completed, to be woken once the lock is released (as Go calls goready after
     * unlock, keeping the critical section short). Guarded by lock; callers take it with takeWake().
     */
    private Op wakeAfterUnlock;
    /**
     * spinForSlot's backoff: 0 while spinning for a slot pays, else minus the number of full rings to skip
     * before trying again. Read and written without synchronization on purpose: a lost update only changes
     * when the next spin is tried, never what any operation does.
     */
    private int slotSpinBackoff;
    /** Made on demand by closing(); closed by close0. Guarded by lock. */
    private DoneChannel closingSignal;

    Chan(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("negative channel capacity: " + capacity);
        }
        if (capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "channel capacity " + capacity + " is above the maximum " + MAX_CAPACITY);
        }
        this.capacity = capacity;
        this.ring = capacity > 0 && capacity <= Ring.MAX ? new Ring(capacity) : null;
        this.buf = capacity == 0 || ring != null ? null : new Object[Math.min(capacity, 16)];
    }

    // ---------------------------------------------------------------------------------------------
    // Send
    // ---------------------------------------------------------------------------------------------

    @Override
    public void send(E value) throws InterruptedException {
        send0(value, false, 0);
    }

    @Override
    public boolean trySend(E value) {
        Objects.requireNonNull(value, "channel elements must not be null");
        Object r = pollNow(true, value);
        if (r == CLOSED) {
            throw closedException("send on closed channel");
        }
        return r == SENT;
    }

    @Override
    public boolean trySend(E value, Duration timeout) throws InterruptedException {
        return send0(value, true, System.nanoTime() + Go.nanos(timeout));
    }

    boolean send0(E value, boolean timed, long deadline) throws InterruptedException {
        Objects.requireNonNull(value, "channel elements must not be null");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (ring != null && (ring.tryOffer(value)
                || (!timed || deadline - System.nanoTime() > 0) && spinForSlot(value))) {
            return true;
        }
        Op op = null;
        Waiter w = null;
        Object r;
        Op wake;
        lock();
        try {
            r = pollSendLocked(value);
            wake = takeWake();
            if (r == NOT_READY && !(timed && deadline - System.nanoTime() <= 0)) {
                op = new Op(Op.SEND, this, value);
                op.mayWaitHot(capacity == 0 && sendq.size == 0);
                w = op;
                sendq.add(w);
            }
        } finally {
            unlock();
        }
        if (op == null) {
            wakeUp(wake);
            if (r == CLOSED) {
                throw closedException("send on closed channel");
            }
            return r == SENT;
        }
        int s = op.await(timed, deadline);
        if (s >= 0) {
            if (w.closed) {
                throw closedException("send on closed channel");
            }
            return true;
        }
        unlink(w);
        if (s == Op.INTERRUPTED) {
            throw new InterruptedException();
        }
        return false;
    }

    /**
     * Tries to send now. Call only while holding the lock.
     *
     * @return SENT, CLOSED or NOT_READY
     */
    Object pollSendLocked(Object value) {
        if (closed) {
            return CLOSED;
        }
        for (Waiter w; (w = recvq.poll()) != null; ) {
            w.item = value;
            if (w.op.tryDecide(w.index)) {
                wakeAfterUnlock = w.op;
                return SENT;
            }
            w.item = null; // stale waiter: nobody reads it
        }
        return capacity > 0 && offerBufferLocked(value) ? SENT : NOT_READY;
    }

    // ---------------------------------------------------------------------------------------------
    // Receive
    // ---------------------------------------------------------------------------------------------

    @Override
    public E receive() throws InterruptedException {
        return valueOrThrow(receive0(false, 0));
    }

    @Override
    public Received<E> receiveOk() throws InterruptedException {
        return received(receive0(false, 0));
    }

    @Override
    public E tryReceive() {
        Object r = tryReceive0();
        return r == NOT_READY ? null : valueOrThrow(r);
    }

    @Override
    public Received<E> tryReceiveOk() {
        Object r = tryReceive0();
        return r == NOT_READY ? null : received(r);
    }

    @Override
    public E tryReceive(Duration timeout) throws InterruptedException {
        Object r = receive0(true, System.nanoTime() + Go.nanos(timeout));
        return r == NOT_READY ? null : valueOrThrow(r);
    }

    private Object tryReceive0() {
        return pollNow(false, null);
    }

    /**
     * A non-blocking send (of value) or receive: locks, polls, unlocks, then wakes the partner it completed.
     *
     * @return as pollSendLocked or pollReceiveLocked
     */
    Object pollNow(boolean send, Object value) {
        if (ring != null) {
            if (send) {
                if (ring.tryOffer(value)) {
                    return SENT;
                }
            } else {
                Object x = ring.tryPoll();
                if (x != null) {
                    return x;
                }
            }
        }
        if (send ? cannotSendNow() : cannotReceiveNow()) {
            return NOT_READY;
        }
        if (!send && isClosedAndDrained()) {
            return CLOSED;
        }
        Object r;
        Op wake;
        lockWithoutParking();
        try {
            r = send ? pollSendLocked(value) : pollReceiveLocked();
            wake = takeWake();
        } finally {
            unlock();
        }
        wakeUp(wake);
        return r;
    }

    /**
     * Without the lock: true if the channel was, at one instant during this call, open and with nothing to
     * receive (see "Lock-free not ready checks" above). False means "maybe ready": take the lock.
     */
    private boolean cannotReceiveNow() {
        return looksEmpty() && !(boolean) CLOSED_FLAG.getAcquire(this);
    }

    /** Without the lock: true if nothing was there to receive at one instant during the call. */
    private boolean looksEmpty() {
        return capacity == 0 ? (int) WaitQueue.SIZE.getAcquire(sendq) == 0
                : ring != null ? ring.looksEmpty() : (int) COUNT.getAcquire(this) == 0;
    }

    /**
     * Without the lock: whether a send (or receive) looks able to proceed now: a partner queued, room (or
     * a value) in the buffer, or the channel closed. A hint for select's fast path, which then polls
     * under the lock; false positives and negatives only cost the fast path.
     */
    boolean mayBeReady(boolean send) {
        return send ? !cannotSendNow() : !cannotReceiveNow();
    }

    /** Without the lock: true if the channel was closed with nothing left to receive (one-way once true). */
    private boolean isClosedAndDrained() {
        return (boolean) CLOSED_FLAG.getAcquire(this) && looksEmpty();
    }

    /** Without the lock: true if the channel was, at one instant during this call, open and full. */
    private boolean cannotSendNow() {
        boolean full = capacity == 0 ? (int) WaitQueue.SIZE.getAcquire(recvq) == 0
                : ring != null ? ring.looksFull() : (int) COUNT.getAcquire(this) == capacity;
        return full && !(boolean) CLOSED_FLAG.getAcquire(this);
    }

    /** Returns the value received, CLOSED, or NOT_READY when a timed wait ran out. */
    Object receive0(boolean timed, long deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Op op = null;
        Waiter w = null;
        if (ring != null) {
            Object x = ring.tryPoll();
            if (x != null) {
                return x;
            }
        }
        Object r;
        Op wake;
        lock();
        try {
            r = pollReceiveLocked();
            wake = takeWake();
            if (r == NOT_READY && !(timed && deadline - System.nanoTime() <= 0)) {
                op = new Op(Op.RECEIVE, this, null);
                op.mayWaitHot(capacity == 0 && recvq.size == 0);
                w = op;
                recvq.add(w);
            }
        } finally {
            unlock();
        }
        if (op == null) {
            wakeUp(wake);
            return r;
        }
        int s = op.await(timed, deadline);
        if (s >= 0) {
            return w.closed ? CLOSED : w.item;
        }
        unlink(w);
        if (s == Op.INTERRUPTED) {
            throw new InterruptedException();
        }
        return NOT_READY;
    }

    /**
     * Tries to receive now. Call only while holding the lock.
     *
     * @return the value, CLOSED or NOT_READY
     */
    Object pollReceiveLocked() {
        Object x = capacity > 0 ? pollBufferLocked() : null;
        if (x != null) {
            Waiter s = takeLiveSender();
            if (s != null) {
                offerBufferLocked(s.item); // succeeds: a slot was just freed and only we can fill it
                wakeAfterUnlock = s.op;
            }
            return x;
        }
        Waiter s = takeLiveSender();
        if (s != null) {
            wakeAfterUnlock = s.op;
            return s.item;
        }
        return closed ? CLOSED : NOT_READY;
    }

    /**
     * Acquires the lock by spinning, never parking: for the operations promised never to block (trySend,
     * tryReceive, close, len, ...), which reactive code calls from threads that must not block, and for the
     * second and later locks a select takes. Safe because no thread ever parks while holding a channel lock
     * (select takes its later locks this way too), so the holder is always running and the wait is one
     * short critical section.
     */
    void lockWithoutParking() {
        // Test-and-test-and-set, without Thread.onSpinWait: BlockHound counts onSpinWait as blocking, and
        // these operations are promised never to block on a reactive thread.
        while (!tryLock()) {
            while (isLocked()) {
                // spin: the holder is running a short critical section
            }
        }
    }

    // The channel lock: this object's AQS state, 0 free, 1 held (not reentrant, no owner field), in the
    // same object as the fields it guards. Acquiring it also shuts the Ring's fast paths out (lockWords);
    // releasing it lets them in again with flags recomputed from the queues and the closed flag.

    /** Acquires the lock, parking while another thread holds it (only blocking operations may). */
    void lock() {
        if (!compareAndSetState(0, 1)) {
            acquire(1);
        }
        if (ring != null) {
            ring.lockWords();
        }
    }

    boolean tryLock() {
        if (getState() == 0 && compareAndSetState(0, 1)) {
            if (ring != null) {
                ring.lockWords();
            }
            return true;
        }
        return false;
    }

    void unlock() {
        if (ring != null) {
            ring.unlockWords(closed, recvq.size > 0, sendq.size > 0);
        }
        release(1);
    }

    boolean isLocked() {
        return getState() != 0;
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        return compareAndSetState(0, 1);
    }

    @Override
    protected boolean tryRelease(int ignored) {
        setState(0);
        return true;
    }

    /**
     * Rounds a blocking send spins on a full ring before it takes the lock to queue (ADR 0007); 0 turns the
     * spin off. -Dchanflow.spins.send=N, or -Dchanflow.spins=N (which sets every spin count).
     */
    static final int SEND_SPINS = Integer.getInteger("chanflow.spins.send",
            Integer.getInteger("chanflow.spins", Runtime.getRuntime().availableProcessors() > 1 ? 32 : 0));
    /** Full rings a send skips spinning on after a spin found no slot. */
    private static final int SPIN_BACKOFF = 8;

    /**
     * A blocking send found the ring full: spins briefly for a slot, if spinning has paid on this channel
     * lately. A receiver that is running frees one within a few hundred nanoseconds, and taking it then
     * spares a park and a wake (the full-buffer regime of ADR 0007). A spin that finds no slot (the receiver
     * is parked, busy elsewhere or descheduled) makes the next SPIN_BACKOFF full rings skip the spin, so a
     * channel whose receiver is slow costs one short spin in nine blocking sends.
     */
    private boolean spinForSlot(E value) {
        if (SEND_SPINS == 0) {
            return false;
        }
        int b = slotSpinBackoff;
        if (b < 0) {
            slotSpinBackoff = b + 1;
            return false;
        }
        if (ring.offerSpinning(value, SEND_SPINS)) {
            return true;
        }
        slotSpinBackoff = -SPIN_BACKOFF;
        return false;
    }

    /** Takes the Op a poll completed, if any, for waking after unlock. Call only while holding the lock. */
    Op takeWake() {
        Op o = wakeAfterUnlock;
        wakeAfterUnlock = null;
        return o;
    }

    static void wakeUp(Op op) {
        if (op != null) {
            op.wake();
        }
    }

    private Waiter takeLiveSender() {
        for (Waiter w; (w = sendq.poll()) != null; ) {
            if (w.op.tryDecide(w.index)) {
                return w;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private E valueOrThrow(Object r) {
        if (r == CLOSED) {
            throw closedException("receive from closed channel");
        }
        return (E) r;
    }

    @SuppressWarnings("unchecked")
    private Received<E> received(Object r) {
        return r == CLOSED ? Received.closed(closeCause()) : new Received<>((E) r, true);
    }

    // ---------------------------------------------------------------------------------------------
    // Close
    // ---------------------------------------------------------------------------------------------

    @Override
    public void close() {
        close0(null, true);
    }

    @Override
    public void close(Throwable cause) {
        close0(Objects.requireNonNull(cause, "cause"), true);
    }

    /**
     * Closes unless already closed; for owners that may race to close (a context's done channel).
     *
     * @return whether this call closed the channel
     */
    boolean tryClose() {
        return close0(null, false);
    }

    private boolean close0(Throwable why, boolean strict) {
        ArrayList<Op> woken = new ArrayList<>();
        lockWithoutParking();
        try {
            if (closed) {
                if (strict) {
                    throw closedException("close of closed channel");
                }
                return false;
            }
            cause = why;
            CLOSED_FLAG.setRelease(this, true); // after cause: closeCause() reads it without the lock
            for (WaitQueue q : new WaitQueue[] {recvq, sendq}) {
                for (Waiter w; (w = q.poll()) != null; ) {
                    w.closed = true;
                    if (w.op.tryDecide(w.index)) {
                        woken.add(w.op);
                    }
                }
            }
        } finally {
            unlock();
        }
        for (Op op : woken) {
            op.wake();
        }
        DoneChannel signal;
        lockWithoutParking();
        try {
            signal = closingSignal;
        } finally {
            unlock();
        }
        if (signal != null) {
            signal.tryClose();
        }
        return true;
    }

    @Override
    public boolean isClosedForSend() {
        return isClosed();
    }

    @Override
    public boolean isClosedForReceive() {
        // After closing nothing is added (close drains sendq), so the buffer only empties: no lock needed.
        return isClosedAndDrained();
    }

    @Override
    public Done closing() {
        DoneChannel d;
        boolean closedNow;
        lockWithoutParking();
        try {
            if (closingSignal == null) {
                closingSignal = DoneChannel.make();
            }
            d = closingSignal;
            closedNow = closed;
        } finally {
            unlock();
        }
        if (closedNow) {
            d.tryClose(); // close0 may not have seen a signal made after it ran
        }
        return d.done();
    }

    boolean isClosed() {
        return (boolean) CLOSED_FLAG.getAcquire(this);
    }

    /** The exception for an operation that met closing, carrying the close cause. */
    ChannelClosedException closedException(String message) {
        return new ChannelClosedException(message, closeCause());
    }

    /** The cause the channel was closed with, or null (also while open). */
    Throwable closeCause() {
        return (boolean) CLOSED_FLAG.getAcquire(this) ? cause : null; // cause is written before closed
    }

    // ---------------------------------------------------------------------------------------------
    // Buffer (under the lock)
    // ---------------------------------------------------------------------------------------------

    /** Appends x to the buffer if there is room. Lock held; capacity > 0. */
    private boolean offerBufferLocked(Object x) {
        if (ring != null) {
            return ring.offerLocked(x);
        }
        if (count == capacity) {
            return false;
        }
        enqueueBuffer(x);
        return true;
    }

    /** Takes the buffer's head value, or null if it is empty. Lock held; capacity > 0. */
    private Object pollBufferLocked() {
        if (ring != null) {
            return ring.pollLocked();
        }
        return count > 0 ? dequeueBuffer() : null;
    }

    private void enqueueBuffer(Object x) {
        Object[] b = buf;
        if (count == b.length) {
            b = grow();
        }
        int tail = head + count;
        if (tail >= b.length) {
            tail -= b.length;
        }
        b[tail] = x;
        COUNT.setRelease(this, count + 1);
    }

    private Object dequeueBuffer() {
        Object[] b = buf;
        Object x = b[head];
        b[head] = null;
        if (++head == b.length) {
            head = 0;
        }
        COUNT.setRelease(this, count - 1);
        return x;
    }

    /** Called when count == buf.length < capacity: doubles the ring, up to the capacity. */
    private Object[] grow() {
        Object[] old = buf;
        int n = (int) Math.min(capacity, Math.max(16L, 2L * old.length));
        Object[] b = new Object[n];
        for (int i = 0; i < count; i++) {
            int j = head + i;
            b[i] = old[j >= old.length ? j - old.length : j];
        }
        head = 0;
        buf = b;
        return b;
    }

    @Override
    public int len() {
        return ring != null ? ring.size() : (int) COUNT.getAcquire(this);
    }

    @Override
    public int cap() {
        return capacity;
    }

    /** Removes w from whichever queue of this channel still holds it (after a timeout, interrupt or lost select). */
    void unlink(Waiter w) {
        lock();
        try {
            if (w.queued) {
                (w.sending ? sendq : recvq).remove(w);
            }
        } finally {
            unlock();
        }
    }

    /** The number of waiters queued (stale ones included); for tests and diagnostics. */
    int queuedWaiters() {
        lock();
        try {
            return sendq.size + recvq.size;
        } finally {
            unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Iteration, views, select cases
    // ---------------------------------------------------------------------------------------------

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private E next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                Object r;
                try {
                    r = receive0(false, 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ChannelInterruptedException(e);
                }
                if (r == CLOSED) {
                    done = true;
                    ChannelClosedException e = closedException("receive from closed channel");
                    if (e.getCause() != null) {
                        throw e;
                    }
                    return false;
                }
                @SuppressWarnings("unchecked")
                E e = (E) r;
                next = e;
                return true;
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                E e = next;
                next = null;
                return e;
            }
        };
    }

    @Override
    public Stream<E> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public <R> SelectCase<R> onReceive(Handler<? super E, ? extends R> body) {
        return SelectCase.receive(this, body);
    }

    @Override
    public <R> SelectCase<R> onReceiveOk(Handler<? super Received<E>, ? extends R> body) {
        return SelectCase.receiveOk(this, body);
    }

    @Override
    public SelectCase<Void> onReceiveDo(VoidHandler<? super E> body) {
        return SelectCase.receive(this, SelectCase.statement(body));
    }

    @Override
    public SelectCase<Void> onReceiveOkDo(VoidHandler<? super Received<E>> body) {
        return SelectCase.receiveOk(this, SelectCase.statement(body));
    }

    @Override
    public <R> SelectCase<R> onSend(E value, Action<? extends R> body) {
        return SelectCase.send(this, value, body);
    }

    @Override
    public SelectCase<Void> onSend(E value, Body body) {
        return SelectCase.send(this, value, SelectCase.statement(body));
    }

    @Override
    public SendChannel<E> sendOnly() {
        return new SendView<>(this);
    }

    @Override
    public ReceiveChannel<E> receiveOnly() {
        return new ReceiveView<>(this);
    }

    @Override
    public String toString() {
        return "Channel#" + id + "[cap=" + capacity + "]";
    }

    private static final VarHandle COUNT;
    private static final VarHandle CLOSED_FLAG;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            COUNT = l.findVarHandle(Chan.class, "count", int.class);
            CLOSED_FLAG = l.findVarHandle(Chan.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Op, Waiter, WaitQueue
    // ---------------------------------------------------------------------------------------------

    /**
     * One blocking operation or one select: the owner thread and its decision. State starts WAITING and is
     * decided once, by CAS, to a case index (>= 0) by a channel that completed that case, or to INTERRUPTED
     * or TIMED_OUT by the owner.
     */
    static final class Op extends Waiter {
        static final int WAITING = -1;
        static final int INTERRUPTED = -2;
        static final int TIMED_OUT = -3;

        /*
         * Spin-or-park policy (measured in BENCHMARKS.md; see docs/adr/0004, 0005 and 0007):
         *  1. A virtual thread that waits for a hand-off (Op.spin: unbuffered channels, first in every queue
         *     it joins) waits in its own LinkedTransferQueue (HANDOFF_WAIT): the JDK spins there only while
         *     the carrier has no other virtual thread queued (ForkJoinWorkerThread.hasKnownQueuedWork, which
         *     is internal; this is the public way to ask it), then parks. So on an idle machine the partners
         *     hand values across the two cores without unmounting, and when the partner is queued on our own
         *     carrier we park at once and let it run. The waker completes the wait with offer(TOKEN). A wait
         *     that lasted longer than any spin (LONG_WAIT_NANOS: the partner was descheduled or slow) makes
         *     the thread's next SKIP_AFTER_LONG_WAIT hand-off waits park at once, which bounds what the spin
         *     costs on a loaded machine.
         *  2. Every other virtual thread parks at once: a spin would hold the carrier the partner may be
         *     queued on (ADR 0004), and a million blocked goroutines must not each spin.
         *  3. -Dchanflow.spins.virtual=N (N > 0) replaces 1 by ADR 0005's opt-in guarded spin of N rounds,
         *     guarded by a global count of woken virtual threads not yet resumed (virtualSpins).
         *  4. A platform thread spins briefly first: parking it is a futex sleep and wake, far dearer.
         *  5. No spinning on a single CPU, where the partner cannot run while we spin.
         * -Dchanflow.spins=N sets both counts, -Dchanflow.spins.virtual / .platform one each;
         * -Dchanflow.handoffWait=park turns 1 off.
         */
        private static final boolean MULTI_CPU = Runtime.getRuntime().availableProcessors() > 1;
        static final int VIRTUAL_SPINS = Integer.getInteger("chanflow.spins.virtual",
                Integer.getInteger("chanflow.spins", 0));
        static final int PLATFORM_SPINS = Integer.getInteger("chanflow.spins.platform",
                Integer.getInteger("chanflow.spins", MULTI_CPU ? 256 : 0));

        /** Policy 1: hand-off waits of virtual threads go through a LinkedTransferQueue. */
        static final boolean HANDOFF_WAIT = MULTI_CPU && VIRTUAL_SPINS == 0
                && !"park".equals(System.getProperty("chanflow.handoffWait"));
        /**
         * Each virtual thread's hand-off queue, made on its first hand-off wait. It holds at most a few
         * TOKENs, never an element of a channel: a wake that arrives after its Op was already seen decided
         * stays queued until the thread's next hand-off wait drains it (see awaitHandOff).
         */
        private static final ThreadLocal<HandOffQueue> HANDOFF_QUEUES = ThreadLocal.withInitial(HandOffQueue::new);
        private static final Object TOKEN = Boolean.TRUE;

        /**
         * A hand-off wait longer than this spun in vain (the JDK's spin is 128 rounds, a few microseconds)
         * and then parked: the partner was not running (descheduled under load, or slow). The owner's next
         * SKIP_AFTER_LONG_WAIT hand-off waits then park at once, so a busy machine pays for one wasted spin
         * in nine waits, while partners that keep meeting within the spin keep spinning.
         */
        static final long LONG_WAIT_NANOS = 20_000;
        static final int SKIP_AFTER_LONG_WAIT = 8;

        /** For tests: the wake TOKENs queued in the current thread's hand-off queue. */
        static int handOffTokensOfCurrentThread() {
            return HANDOFF_QUEUES.get().size();
        }

        /** The PENDING accounting costs two atomics per parked wake, so it runs only when spins are on. */
        static final boolean GUARD = VIRTUAL_SPINS > 0 && !Boolean.getBoolean("chanflow.spinGuard.off");
        /**
         * Virtual threads woken from park by a channel that have not resumed yet: each waits in a carrier's
         * queue, most often the waker's own (an unpark from a virtual thread queues the continuation
         * locally). See virtualSpins.
         */
        private static final AtomicInteger PENDING = new AtomicInteger();

        /**
         * How long a virtual thread spins before parking: VIRTUAL_SPINS, or 0 while any woken virtual thread
         * is still waiting for a carrier. Spinning then would hold a carrier that thread (often the very
         * partner we wait for) needs, so it would wait for us; under load that made a hand-off 5x slower
         * (BENCHMARKS.md). The JDK's LinkedTransferQueue asks its carrier for queued work instead, through an
         * internal API; this count is the public stand-in.
         */
        private static int virtualSpins() {
            return GUARD && PENDING.get() > 0 ? 0 : VIRTUAL_SPINS;
        }

        /** What the owner is blocked in, for the goroutine dump (see Goroutines). */
        static final byte SEND = 0;
        static final byte RECEIVE = 1;
        static final byte SELECT = 2;

        final Thread owner = Thread.currentThread();
        volatile int state = WAITING;
        /** SEND, RECEIVE or SELECT. */
        final byte kind;
        /** The channel (SEND, RECEIVE) or the SelectCase[] (SELECT). */
        final Object target;
        /**
         * Whether a virtual owner may spin before parking (see virtualSpins), set by the creator before it
         * enqueues: only for a hand-off, every channel unbuffered (a buffered channel's partners do better
         * taking turns on one carrier, a buffer's worth of values per turn, than running side by side and
         * contending for every value), and only when first in every queue it joins (a partner would serve
         * the waiters ahead first; a million goroutines blocked on one channel must not each spin).
         */
        boolean spin;
        /**
         * The owner's hand-off queue when it waits in one (policy 1), else null: set by the creator before
         * the Op is enqueued (so every waker, which dequeues it under the lock, sees it), never changed.
         */
        private HandOffQueue handOff;
        /** System.nanoTime() when the owner first parked, 0 before; written once, read by dumps. */
        volatile long parkedSince;
        /** 0; 1 once a waker counted this Op in PENDING; 2 once the owner resumed (and uncounted it). */
        int wakeCount;

        /**
         * An operation. A plain send or receive enqueues the Op itself as its only Waiter (one allocation
         * per blocking operation); a select enqueues separate Waiters that point to it.
         */
        Op(byte kind, Object target, Object sendValue) {
            super(null, 0, sendValue);
            this.op = this;
            this.kind = kind;
            this.target = target;
        }

        /**
         * Records, before the Op is enqueued, whether its owner may spin before parking (see spin) and, for a
         * virtual owner that may, gives it a hand-off queue to wait in (policy 1).
         */
        void mayWaitHot(boolean eligible) {
            spin = eligible;
            if (HANDOFF_WAIT && eligible && owner.isVirtual()) {
                HandOffQueue q = HANDOFF_QUEUES.get();
                if (q.skip > 0) {
                    q.skip--; // a recent hand-off wait was long: park at once (see HandOffQueue.skip)
                } else {
                    handOff = q;
                }
            }
        }

        boolean tryDecide(int outcome) {
            return STATE.compareAndSet(this, WAITING, outcome);
        }

        void wake() {
            if (GUARD && parkedSince != 0 && owner.isVirtual() && WAKE.compareAndSet(this, 0, 1)) {
                // Its continuation is about to be queued for a carrier, maybe ours: see virtualSpins.
                PENDING.getAndIncrement();
            }
            HandOffQueue q = handOff;
            if (q != null) {
                q.offer(TOKEN); // ends the owner's take: its spin if it is still spinning, else its park
            } else {
                LockSupport.unpark(owner);
            }
        }

        /**
         * Waits until decided. An interrupt or the deadline decides it the owner's way if it is still
         * undecided; an interrupt that loses the race is kept in the thread's interrupt status.
         *
         * @return the decided state
         */
        int await(boolean timed, long deadline) {
            if (handOff != null) {
                return awaitHandOff(timed, deadline);
            }
            int s;
            int spins = !owner.isVirtual() ? PLATFORM_SPINS : spin ? virtualSpins() : 0;
            for (int i = 0; i < spins; i++) {
                if ((s = state) != WAITING) {
                    return s;
                }
                Thread.onSpinWait();
            }
            if (state == WAITING) {
                parkedSince = System.nanoTime() | 1; // never 0: 0 means "not parked"
            }
            try {
                return parkUntilDecided(timed, deadline);
            } finally {
                if (GUARD && (int) WAKE.getAndSet(this, 2) == 1) {
                    PENDING.getAndDecrement();
                }
            }
        }

        private int parkUntilDecided(boolean timed, long deadline) {
            int s;
            boolean lateInterrupt = false;
            while ((s = state) == WAITING) {
                if (Thread.interrupted()) {
                    if (tryDecide(INTERRUPTED)) {
                        return INTERRUPTED;
                    }
                    lateInterrupt = true;
                } else if (timed) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        if (tryDecide(TIMED_OUT)) {
                            return TIMED_OUT;
                        }
                    } else {
                        LockSupport.parkNanos(this, remaining);
                    }
                } else {
                    LockSupport.park(this);
                }
            }
            if (lateInterrupt) {
                Thread.currentThread().interrupt();
            }
            return s;
        }

        /**
         * Policy 1. Waits in the owner's hand-off queue until decided. A TOKEN means some Op of this thread
         * was decided, not necessarily this one (a wake may arrive after its Op was seen decided without a
         * take), so state is checked after every take; stale TOKENs are drained first, so they never pile
         * up. A TOKEN for this Op is only offered after the decision, so draining it loses nothing.
         */
        private int awaitHandOff(boolean timed, long deadline) {
            HandOffQueue q = handOff;
            while (q.poll() != null) {
                // a stale wake of an earlier Op
            }
            q.waiting = this;
            long start = System.nanoTime();
            try {
                return takeUntilDecided(q, timed, deadline, start);
            } finally {
                q.waiting = null;
                if (System.nanoTime() - start > LONG_WAIT_NANOS) {
                    q.skip = SKIP_AFTER_LONG_WAIT;
                }
            }
        }

        private int takeUntilDecided(HandOffQueue q, boolean timed, long deadline, long start) {
            int s;
            boolean lateInterrupt = false;
            parkedSince = start | 1; // never 0: 0 means "not parked"
            while ((s = state) == WAITING) {
                try {
                    if (!timed) {
                        q.take();
                    } else {
                        long remaining = deadline - System.nanoTime();
                        if (remaining > 0) {
                            q.poll(remaining, TimeUnit.NANOSECONDS);
                        } else if (tryDecide(TIMED_OUT)) {
                            return TIMED_OUT;
                        }
                    }
                } catch (InterruptedException e) {
                    // the JDK cleared the interrupt status, as Thread.interrupted() does in parkUntilDecided
                    if (tryDecide(INTERRUPTED)) {
                        return INTERRUPTED;
                    }
                    lateInterrupt = true;
                }
            }
            if (lateInterrupt) {
                Thread.currentThread().interrupt();
            }
            return s;
        }

        private static final VarHandle STATE;
        private static final VarHandle WAKE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Op.class, "state", int.class);
                WAKE = MethodHandles.lookup().findVarHandle(Op.class, "wakeCount", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /**
     * A virtual thread's hand-off queue (Op policy 1): the JDK's LinkedTransferQueue, used only for its
     * guarded spin-then-park, holding wake TOKENs. While its owner waits in it, it is the owner's park
     * blocker and names the Op it waits for, so goroutine dumps can say what the thread is blocked in.
     */
    @SuppressWarnings("serial") // never serialized
    static final class HandOffQueue extends LinkedTransferQueue<Object> {
        /** The Op the owner is waiting for in this queue, or null; written and cleared by the owner. */
        volatile Op waiting;
        /** Hand-off waits left to park at once after a long one (Op.LONG_WAIT_NANOS); owner only. */
        int skip;
    }

    /**
     * One Op's presence on one channel's wait queue. Fields other than op, index and sending are written
     * under the channel lock; item and closed are read by the owner after it sees its Op decided.
     */
    static class Waiter {
        /** The operation this presence belongs to (the Waiter itself for a plain send or receive). */
        Op op;
        /** The select case index (0 for a plain send or receive). */
        final int index;
        final boolean sending;
        /** A sender's value, or the value handed to a receiver. */
        Object item;
        /** Set when the channel was closed on this waiter. */
        boolean closed;
        Waiter prev;
        Waiter next;
        boolean queued;

        Waiter(Op op, int index, Object sendValue) {
            this.op = op;
            this.index = index;
            this.sending = sendValue != null;
            this.item = sendValue;
        }
    }

    /** A doubly linked FIFO of waiters; O(1) add, poll and remove. Guarded by the channel lock. */
    static final class WaitQueue {
        private Waiter first;
        private Waiter last;
        int size;

        void add(Waiter w) {
            w.prev = last;
            w.next = null;
            if (last == null) {
                first = w;
            } else {
                last.next = w;
            }
            last = w;
            w.queued = true;
            SIZE.setRelease(this, size + 1);
        }

        Waiter poll() {
            Waiter w = first;
            if (w != null) {
                remove(w);
            }
            return w;
        }

        void remove(Waiter w) {
            Waiter p = w.prev;
            Waiter n = w.next;
            if (p == null) {
                first = n;
            } else {
                p.next = n;
            }
            if (n == null) {
                last = p;
            } else {
                n.prev = p;
            }
            w.prev = null;
            w.next = null;
            w.queued = false;
            SIZE.setRelease(this, size - 1);
        }

        /** size, for the lock-free checks in Chan (written under the lock with release stores). */
        static final VarHandle SIZE;

        static {
            try {
                SIZE = MethodHandles.lookup().findVarHandle(WaitQueue.class, "size", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Directional views: separate objects, so a cast cannot recover the other direction
    // ---------------------------------------------------------------------------------------------

    private record SendView<E>(Chan<E> ch) implements SendChannel<E> {
        @Override public void send(E value) throws InterruptedException { ch.send(value); }
        @Override public boolean trySend(E value) { return ch.trySend(value); }
        @Override public boolean trySend(E value, Duration timeout) throws InterruptedException {
            return ch.trySend(value, timeout);
        }
        @Override public void close() { ch.close(); }
        @Override public void close(Throwable cause) { ch.close(cause); }
        @Override public int len() { return ch.len(); }
        @Override public int cap() { return ch.cap(); }
        @Override public boolean isClosedForSend() { return ch.isClosedForSend(); }
        @Override public <R> SelectCase<R> onSend(E value, Action<? extends R> body) { return ch.onSend(value, body); }
        @Override public SelectCase<Void> onSend(E value, Body body) { return ch.onSend(value, body); }
        @Override public String toString() { return "chan<- " + ch; }
    }

    private record ReceiveView<E>(Chan<E> ch) implements ReceiveChannel<E> {
        @Override public E receive() throws InterruptedException { return ch.receive(); }
        @Override public Received<E> receiveOk() throws InterruptedException { return ch.receiveOk(); }
        @Override public E tryReceive() { return ch.tryReceive(); }
        @Override public Received<E> tryReceiveOk() { return ch.tryReceiveOk(); }
        @Override public E tryReceive(Duration timeout) throws InterruptedException { return ch.tryReceive(timeout); }
        @Override public int len() { return ch.len(); }
        @Override public int cap() { return ch.cap(); }
        @Override public boolean isClosedForReceive() { return ch.isClosedForReceive(); }
        @Override public Done closing() { return ch.closing(); }
        @Override public Iterator<E> iterator() { return ch.iterator(); }
        @Override public Stream<E> stream() { return ch.stream(); }
        @Override public <R> SelectCase<R> onReceive(Handler<? super E, ? extends R> body) { return ch.onReceive(body); }
        @Override public <R> SelectCase<R> onReceiveOk(Handler<? super Received<E>, ? extends R> body) {
            return ch.onReceiveOk(body);
        }
        @Override public SelectCase<Void> onReceiveDo(VoidHandler<? super E> body) { return ch.onReceiveDo(body); }
        @Override public SelectCase<Void> onReceiveOkDo(VoidHandler<? super Received<E>> body) {
            return ch.onReceiveOkDo(body);
        }
        @Override public String toString() { return "<-chan " + ch; }
    }
}
