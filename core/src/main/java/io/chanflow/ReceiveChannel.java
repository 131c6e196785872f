package io.chanflow;

import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The receiving side of a channel: Go's {@code <-chan E}.
 *
 * <p>A {@code ReceiveChannel} obtained from {@link Channel#receiveOnly()} has no send or close methods and
 * cannot be cast back to one that has. Any number of threads may receive concurrently; each value is
 * received by exactly one of them.
 *
 * <h2>Closed channel</h2>
 * After a close, buffered values are still received in order. Once the channel is closed and drained,
 * {@link #receive()} throws {@link ChannelClosedException} (Java has no zero value), whose cause is the
 * close cause if there was one; {@link #receiveOk()} returns {@code ok == false} with that
 * {@linkplain Received#cause() cause}; iteration ends, or throws
 * {@link ChannelClosedException} when there was a cause.
 *
 * <h2>Blocking and interruption</h2>
 * {@link #receive} blocks while the channel has nothing to give. If the receiving thread is interrupted on
 * entry or while it waits, the receive throws {@link InterruptedException}, clears the interrupt status and
 * has taken nothing: the value it would have had goes to another receiver. If a value was handed to it
 * before the interrupt could take effect, it returns that value normally and the interrupt status stays
 * set. A receive has happened or not, never half.
 *
 * <h2>Memory effects</h2>
 * Actions before a send happen-before the actions after the receive of that value; on an unbuffered channel,
 * actions before a receive happen-before the matching send completes. See the package documentation.
 *
 * @param <E> the element type
 */
public interface ReceiveChannel<E> extends Iterable<E> {

    /**
     * Receives a value, blocking until one is available: Go's {@code v := <-ch}.
     *
     * @return the value
     * @throws InterruptedException if interrupted before a value was received; then none was taken
     * @throws ChannelClosedException if the channel is closed and drained (its cause, if any, attached)
     */
    E receive() throws InterruptedException;

    /**
     * Receives a value, or learns that the channel is closed and drained: Go's {@code v, ok := <-ch}.
     *
     * @return the value with {@code ok == true}, or, once the channel is closed and drained,
     *     {@code ok == false} with the close cause if there was one
     * @throws InterruptedException if interrupted before a value was received; then none was taken
     */
    Received<E> receiveOk() throws InterruptedException;

    /**
     * Receives a value if one is ready now: Go's {@code select { case v := <-ch: default: }}.
     *
     * @return the value, or {@code null} if none is ready
     * @throws ChannelClosedException if the channel is closed and drained
     */
    E tryReceive();

    /**
     * Receives a value or learns of closing, if either can happen now.
     *
     * @return {@code null} if nothing is ready; else as {@link #receiveOk()}
     */
    Received<E> tryReceiveOk();

    /**
     * Receives a value, waiting at most {@code timeout}.
     *
     * @param timeout how long to wait at most
     * @return the value, or {@code null} if the time ran out first (nothing was taken)
     * @throws InterruptedException if interrupted before a value was received; then none was taken
     * @throws ChannelClosedException if the channel is closed and drained
     */
    E tryReceive(Duration timeout) throws InterruptedException;

    /**
     * Whether the channel is closed and drained, so that every receive reports closed (beyond Go; a
     * snapshot). Never blocks and takes nothing.
     *
     * @return {@code true} once closed with no buffered value left
     */
    boolean isClosedForReceive();

    /**
     * A {@link Done} that is closed when this channel is closed (buffered values may still be waiting to be
     * received): lets code that must not take a value, such as a demand-driven publisher, learn of the close
     * and wait for it in a select. Beyond Go.
     *
     * @return the closing signal (never closed for the nil channel)
     */
    Done closing();

    /**
     * The number of values in the buffer at this instant (Go's {@code len(ch)}). A snapshot.
     *
     * @return the number of buffered values
     */
    int len();

    /**
     * The buffer capacity (Go's {@code cap(ch)}).
     *
     * @return the capacity
     */
    int cap();

    /**
     * Go's {@code for v := range ch}: an iterator whose {@link Iterator#hasNext()} blocks until a value
     * arrives, and returns {@code false} once the channel is closed and drained. If the channel was closed
     * with a cause, {@code hasNext()} throws {@link ChannelClosedException} carrying it instead. If the
     * thread is interrupted while waiting, {@code hasNext()} throws {@link ChannelInterruptedException} with
     * the interrupt status set again and no value taken. {@code remove} is not supported.
     *
     * @return a blocking iterator, for one thread's use
     */
    @Override
    Iterator<E> iterator();

    /**
     * A sequential, ordered stream of the values received until the channel is closed; it behaves like
     * {@link #iterator()}.
     *
     * @return the stream
     */
    Stream<E> stream();

    /**
     * A select case that receives a value and returns what {@code body} makes of it: Go's
     * {@code case v := <-ch:}. On a closed, drained channel the case is ready and, when chosen, fails the
     * select with {@link ChannelClosedException}; to see closing, use {@link #onReceiveOk}.
     *
     * @param body what to do with the value
     * @param <R> the result type
     * @return the case
     */
    <R> SelectCase<R> onReceive(Handler<? super E, ? extends R> body);

    /**
     * A select case that receives a value or learns of closing: Go's {@code case v, ok := <-ch:}.
     *
     * @param body what to do with the result
     * @param <R> the result type
     * @return the case
     */
    <R> SelectCase<R> onReceiveOk(Handler<? super Received<E>, ? extends R> body);

    /**
     * Statement form of {@link #onReceive}: a body that returns nothing.
     *
     * @param body what to do with the value
     * @return the case
     */
    SelectCase<Void> onReceiveDo(VoidHandler<? super E> body);

    /**
     * Statement form of {@link #onReceiveOk}: a body that returns nothing.
     *
     * @param body what to do with the result
     * @return the case
     */
    SelectCase<Void> onReceiveOkDo(VoidHandler<? super Received<E>> body);
}
