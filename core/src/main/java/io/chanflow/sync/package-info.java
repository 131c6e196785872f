/**
 * What Go's {@code sync} and {@code golang.org/x/sync} offer that the JDK lacks: {@link io.chanflow.sync.WaitGroup},
 * {@link io.chanflow.sync.ErrGroup}, the weighted {@link io.chanflow.sync.Semaphore} and
 * {@link io.chanflow.sync.Once}. For the rest use the JDK: {@code sync.Mutex} is
 * {@link java.util.concurrent.locks.ReentrantLock}, {@code sync/atomic} is {@code java.util.concurrent.atomic},
 * {@code sync.Map} is {@link java.util.concurrent.ConcurrentHashMap}.
 */
package io.chanflow.sync;
