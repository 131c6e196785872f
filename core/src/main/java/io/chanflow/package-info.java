/**
 * Go's concurrency model in Java: {@link io.chanflow.Channel channels}, {@link io.chanflow.Go#select select},
 * {@link io.chanflow.Go#go goroutines} on virtual threads, {@link io.chanflow.Timer timers} and
 * {@link io.chanflow.Ticker tickers}.
 *
 * <h2 id="memory">Memory consistency properties</h2>
 * Chanflow keeps Go's memory model for channels:
 * <ul>
 *   <li>A send on a channel happens-before the completion of the receive that gets that value.</li>
 *   <li>The close of a channel happens-before a receive (or select case) that returns because the channel
 *       is closed, and before a sender fails because of it.</li>
 *   <li>On an unbuffered channel, the receive of a value happens-before the completion of the send that
 *       gave it.</li>
 *   <li>On a channel with capacity C, the k-th receive happens-before the completion of the (k+C)-th send
 *       (which is what makes a buffered channel a counting semaphore).</li>
 * </ul>
 * "Happens-before" is that of the Java Language Specification, chapter 17.
 *
 * <h2>Java mapping of Go's rules</h2>
 * Java has no zero value, so a plain receive on a closed, drained channel throws
 * {@link io.chanflow.ChannelClosedException}; the comma-ok form ({@code receiveOk}, {@code onReceiveOk})
 * reports {@code ok == false}. Go's panics are unchecked exceptions with Go's words ("send on closed
 * channel", "close of closed channel", "close of nil channel"). Blocking operations throw
 * {@link java.lang.InterruptedException} and have either fully happened or not happened at all.
 * {@code null} elements are rejected.
 */
package io.chanflow;
