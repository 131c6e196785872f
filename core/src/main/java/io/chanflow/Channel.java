package io.chanflow;

/**
 * A Go channel: a typed conduit between goroutines, unbuffered ({@code make(chan E)}) or buffered
 * ({@code make(chan E, n)}).
 *
 * <pre>{@code
 * Channel<Job> jobs = Channel.make(100);   // make(chan Job, 100)
 * go(() -> { for (Job j : batch) jobs.send(j); jobs.close(); });
 * for (Job j : jobs) handle(j);            // for j := range jobs
 * }</pre>
 *
 * <h2>Concurrency contract</h2>
 * <ul>
 *   <li>Unbuffered: a send completes only when a receiver has taken the value (a synchronous hand-off).
 *       Buffered: a FIFO buffer of {@link #cap()} values; a send blocks only when it is full, a receive only
 *       when it is empty.</li>
 *   <li>Each value sent is received exactly once, by exactly one receiver, and values from one sender arrive
 *       in the order sent. Blocked senders and blocked receivers are served first come, first served; when a
 *       receiver frees a slot of a full buffer, the oldest blocked sender's value moves to the tail, so FIFO
 *       holds across the buffer and the queue of blocked senders.</li>
 *   <li>All methods are safe for any number of concurrent threads. No method holds a lock while it waits,
 *       and none uses {@code synchronized}, so virtual threads are never pinned.</li>
 *   <li>{@code null} elements are rejected with {@link NullPointerException}.</li>
 * </ul>
 * See {@link SendChannel} and {@link ReceiveChannel} for blocking, interruption, closing and memory effects.
 *
 * @param <E> the element type
 */
public interface Channel<E> extends SendChannel<E>, ReceiveChannel<E> {

    /**
     * The largest capacity {@link #make(int)} accepts: the largest Java array. Buffers up to 65,536 values
     * are allocated when the channel is made (as Go does); larger ones grow on demand.
     */
    int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /**
     * An unbuffered channel: Go's {@code make(chan E)}.
     *
     * @param <E> the element type
     * @return a new channel
     */
    static <E> Channel<E> make() {
        return new Chan<>(0);
    }

    /**
     * A channel with a buffer of {@code capacity} values: Go's {@code make(chan E, capacity)}; 0 makes an
     * unbuffered channel. A buffer of up to 65,536 values is allocated now, as Go's is (about 12 bytes a
     * slot), and sends and receives on it that find nobody waiting take no lock; a larger buffer is
     * allocated as it fills, and every operation on it takes the channel's lock.
     *
     * @param capacity the buffer size, from 0 to {@link #MAX_CAPACITY}
     * @param <E> the element type
     * @return a new channel
     * @throws IllegalArgumentException if {@code capacity} is negative or above {@link #MAX_CAPACITY}
     */
    static <E> Channel<E> make(int capacity) {
        return new Chan<>(capacity);
    }

    /**
     * The nil channel: sends and receives block for ever (until interrupted), select cases on it are never
     * ready, and closing it throws {@code "close of nil channel"}. Assign it to disable a select case, as Go
     * code assigns {@code nil}.
     *
     * @param <E> the element type
     * @return the nil channel
     */
    static <E> Channel<E> nil() {
        return NilChan.instance();
    }

    /**
     * A view with only the send side ({@code chan<- E}); it cannot be cast back to a {@code Channel}.
     *
     * @return the send-only view
     */
    SendChannel<E> sendOnly();

    /**
     * A view with only the receive side ({@code <-chan E}); it cannot be cast back to a {@code Channel}.
     *
     * @return the receive-only view
     */
    ReceiveChannel<E> receiveOnly();
}
