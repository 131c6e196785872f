package io.chanflow;

import java.time.Duration;

/**
 * The receive side of a done channel: Go's {@code <-chan struct{}} that is closed, never sent on, to tell
 * every listener at once that something is over (a context's {@code Done()}, a shutdown signal).
 *
 * <p>Go writes {@code case <-done:}. A plain receive case on a closed Chanflow channel fails, because Java
 * has no zero value to return; a {@code Done} has no such case. Its only select case, {@link #onDone}, is
 * ready exactly when the channel is closed, so the broadcast idiom cannot be got wrong.
 *
 * <p>Thread-safe. Actions before the close happen-before the actions after {@link #await()} returns or an
 * {@code onDone} case is chosen.
 */
public interface Done {

    /**
     * Whether the channel is closed (a snapshot).
     *
     * @return {@code true} once closed
     */
    boolean isDone();

    /**
     * Blocks until the channel is closed: Go's {@code <-done}.
     *
     * @throws InterruptedException if interrupted first
     */
    void await() throws InterruptedException;

    /**
     * Blocks until the channel is closed or the time runs out.
     *
     * @param timeout how long to wait at most
     * @return whether the channel is closed
     * @throws InterruptedException if interrupted first
     */
    boolean await(Duration timeout) throws InterruptedException;

    /**
     * A select case that is ready once the channel is closed: Go's {@code case <-done:}.
     *
     * @param body what to do then
     * @param <R> the result type
     * @return the case
     */
    <R> SelectCase<R> onDone(Action<? extends R> body);

    /**
     * Statement form of {@link #onDone(Action)}.
     *
     * @param body what to do then
     * @return the case
     */
    SelectCase<Void> onDone(Body body);
}
