package io.chanflow;

import java.time.Duration;

/**
 * The sending side of a channel: Go's {@code chan<- E}.
 *
 * <p>A {@code SendChannel} obtained from {@link Channel#sendOnly()} has no receive methods and cannot be cast
 * back to one that has. Any number of threads may send concurrently; see {@link Channel} for the ordering and
 * fairness rules they share.
 *
 * <h2>Blocking and interruption</h2>
 * {@link #send} blocks while the channel can take no value: on an unbuffered channel until a receiver takes
 * the value, on a buffered one while the buffer is full. If the sending thread is interrupted on entry or
 * while it waits, {@code send} throws {@link InterruptedException} and clears the interrupt status, and the
 * value was <em>not sent</em>: no receiver will ever see it. If the value was handed over before the
 * interrupt could take effect, {@code send} returns normally and the interrupt status stays set. A send is
 * delivered or not sent, never half.
 *
 * <h2>Closed channel</h2>
 * Sending on a closed channel throws {@link ChannelClosedException} ({@code "send on closed channel"}),
 * including the non-blocking {@link #trySend}, and a sender blocked when the channel is closed is woken with
 * that exception; its value is not delivered. Closing twice throws {@code "close of closed channel"}.
 *
 * <h2>Memory effects</h2>
 * Actions of a thread before it sends a value happen-before the actions that follow the receive of that
 * value; actions before {@code close} happen-before a receive that reports the channel closed. See the
 * package documentation.
 *
 * @param <E> the element type; {@code null} elements are rejected with {@link NullPointerException}
 */
public interface SendChannel<E> {

    /**
     * Sends a value, blocking until a receiver takes it (unbuffered) or there is room in the buffer: Go's
     * {@code ch <- value}.
     *
     * @param value the value, not null
     * @throws InterruptedException if interrupted before the value was sent; then it was not sent
     * @throws ChannelClosedException if the channel is closed, or is closed while this send waits
     * @throws NullPointerException if {@code value} is null
     */
    void send(E value) throws InterruptedException;

    /**
     * Sends a value if that can be done without waiting: Go's {@code select { case ch <- v: default: }}.
     *
     * @param value the value, not null
     * @return {@code true} if the value was sent, {@code false} if no receiver waits and the buffer is full
     * @throws ChannelClosedException if the channel is closed (it is not a plain {@code false}, as in Go)
     * @throws NullPointerException if {@code value} is null
     */
    boolean trySend(E value);

    /**
     * Sends a value, waiting at most {@code timeout}: Go's
     * {@code select { case ch <- v: case <-time.After(timeout): }}.
     *
     * @param value the value, not null
     * @param timeout how long to wait at most
     * @return {@code true} if the value was sent, {@code false} if the time ran out first (not sent)
     * @throws InterruptedException if interrupted before the value was sent; then it was not sent
     * @throws ChannelClosedException if the channel is closed, or is closed while this send waits
     */
    boolean trySend(E value, Duration timeout) throws InterruptedException;

    /**
     * Closes the channel: Go's {@code close(ch)}. Buffered values are still delivered in order; after them
     * every receive reports the channel closed, at once and for ever. Every blocked receiver and every
     * blocked sender is woken (senders fail with {@link ChannelClosedException}).
     *
     * @throws ChannelClosedException {@code "close of closed channel"} if already closed
     * @throws IllegalStateException {@code "close of nil channel"} on the nil channel
     */
    void close();

    /**
     * Closes the channel with a cause, which receivers see once the buffer is drained (beyond Go: this is
     * how a reactive {@code onError} travels). Otherwise like {@link #close()}.
     *
     * @param cause why the channel is closed, not null
     * @throws ChannelClosedException {@code "close of closed channel"} if already closed
     * @throws IllegalStateException {@code "close of nil channel"} on the nil channel
     */
    void close(Throwable cause);

    /**
     * Whether the channel is closed, so that sends fail (beyond Go, which has no such query; a snapshot).
     * Never blocks.
     *
     * @return {@code true} once the channel is closed
     */
    boolean isClosedForSend();

    /**
     * The number of values in the buffer at this instant (Go's {@code len(ch)}); 0 for an unbuffered
     * channel. A snapshot: it may be stale as soon as it is returned.
     *
     * @return the number of buffered values
     */
    int len();

    /**
     * The capacity of the buffer (Go's {@code cap(ch)}); 0 for an unbuffered channel and the nil channel.
     *
     * @return the capacity
     */
    int cap();

    /**
     * A select case that sends {@code value} and then returns what {@code body} returns: Go's
     * {@code case ch <- value:}. On a closed channel the case is ready, and fails the select with
     * {@link ChannelClosedException} when it is chosen.
     *
     * @param value the value to send, fixed now
     * @param body what to do once the value is sent
     * @param <R> the result type
     * @return the case
     */
    <R> SelectCase<R> onSend(E value, Action<? extends R> body);

    /**
     * Statement form of {@link #onSend(Object, Action)}: a body that returns nothing.
     *
     * @param value the value to send, fixed now
     * @param body what to do once the value is sent
     * @return the case
     */
    SelectCase<Void> onSend(E value, Body body);
}
