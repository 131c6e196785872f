package io.chanflow;

/**
 * The body of a goroutine started with {@link Go#go(Task)}: a {@link Runnable} that may throw.
 */
@FunctionalInterface
public interface Task {
    /**
     * Runs the task.
     *
     * @throws Exception anything; it is passed to the goroutine exception handler
     */
    void run() throws Exception;
}
