/**
 * Go's concurrency patterns built on Chanflow channels: the ones from the Go blog ("Pipelines and
 * cancellation", "Go Concurrency Patterns") and from Katherine Cox-Buday's <i>Concurrency in Go</i>.
 *
 * <h2>Where each pattern is</h2>
 * <table>
 *   <caption>Go pattern to Chanflow</caption>
 *   <tr><th>Go pattern</th><th>Chanflow</th></tr>
 *   <tr><td>generator ({@code gen}, {@code repeatFn})</td>
 *       <td>{@link io.chanflow.pattern.Pipeline#generate}, {@link io.chanflow.pattern.Pipeline#repeatFn},
 *       {@link io.chanflow.pattern.Pipeline#produce}, {@link io.chanflow.pattern.Pipeline#take}</td></tr>
 *   <tr><td>pipeline stage with N workers</td>
 *       <td>{@link io.chanflow.pattern.Pipeline#stage} (unordered),
 *       {@link io.chanflow.pattern.Pipeline#orderedStage} (input order)</td></tr>
 *   <tr><td>fan-in / merge</td><td>{@link io.chanflow.pattern.Pipeline#fanIn}</td></tr>
 *   <tr><td>fan-out / distribute</td><td>{@link io.chanflow.pattern.Pipeline#fanOut} with a
 *       {@link io.chanflow.pattern.Distribution}</td></tr>
 *   <tr><td>tee</td><td>{@link io.chanflow.pattern.Pipeline#tee}</td></tr>
 *   <tr><td>bridge-channel</td><td>{@link io.chanflow.pattern.Pipeline#bridge}</td></tr>
 *   <tr><td>or-done-channel</td><td>{@link io.chanflow.pattern.Pipeline#orDone}</td></tr>
 *   <tr><td>or-channel</td><td>{@link io.chanflow.pattern.Pipeline#or}</td></tr>
 *   <tr><td>batching (size or time)</td><td>{@link io.chanflow.pattern.Pipeline#batch}</td></tr>
 *   <tr><td>heartbeat</td><td>{@link io.chanflow.pattern.Pipeline#heartbeat}</td></tr>
 *   <tr><td>rate limiting ({@code time.Tick}, bursty limiter)</td>
 *       <td>{@link io.chanflow.pattern.RateLimiter}, {@link io.chanflow.pattern.Pipeline#throttle}</td></tr>
 *   <tr><td>worker pool</td><td>{@link io.chanflow.pattern.WorkerPool}</td></tr>
 *   <tr><td>bounded parallelism</td><td>{@link io.chanflow.pattern.BoundedParallel}</td></tr>
 *   <tr><td>pub/sub</td><td>{@link io.chanflow.pattern.Broker}</td></tr>
 *   <tr><td>request/response (reply channel in the message)</td>
 *       <td>{@link io.chanflow.pattern.Request}</td></tr>
 *   <tr><td>circuit breaker</td><td>{@link io.chanflow.pattern.CircuitBreaker}</td></tr>
 *   <tr><td>retry with exponential backoff</td><td>{@link io.chanflow.pattern.Retry}</td></tr>
 *   <tr><td>semaphore via buffered channel</td><td>{@code Channel.make(n)}: see below</td></tr>
 * </table>
 *
 * <h2>Rules every pattern keeps</h2>
 * <ul>
 *   <li><b>A context.</b> Every pattern takes a {@link io.chanflow.context.Context}; when it is done, every
 *       goroutine the pattern started returns promptly. A pattern never outlives its context.</li>
 *   <li><b>Ownership.</b> A pattern closes the channels it returns, exactly once, after the goroutines that
 *       send on them have returned; it never closes a channel it was given.</li>
 *   <li><b>Completeness.</b> A returned channel that closes <em>normally</em> has delivered every value. A
 *       pattern that stops early (its context is done, a function threw, an input was closed with a cause)
 *       closes its outputs <em>with a cause</em>, so {@code for (T v : out)} throws
 *       {@link io.chanflow.ChannelClosedException} carrying it, and the truncation cannot pass unnoticed. On
 *       cancellation the cause is the {@link io.chanflow.context.ContextDoneException} (a
 *       {@link java.util.concurrent.CancellationException}).</li>
 *   <li><b>Errors travel.</b> An input closed with a cause is passed on downstream with that same cause, so
 *       the first failure in a pipeline reaches its end unchanged.</li>
 *   <li><b>Cancel to stop.</b> As in Go, a pipeline whose consumer stops reading early, or one of whose
 *       stages failed, leaves its upstream goroutines blocked on a send until the context is done. Run a
 *       pipeline under a {@link io.chanflow.context.CancelContext} in try-with-resources, which is
 *       Go's {@code defer cancel()}.</li>
 *   <li><b>Goroutines</b> are started with {@link io.chanflow.Go#go}, so
 *       {@link io.chanflow.Goroutines#dump()} shows them and a leak check sees them.</li>
 * </ul>
 *
 * <h2>Semaphore via a buffered channel</h2>
 * Go's counting semaphore is a buffered channel, and so is Chanflow's; there is no wrapper for it:
 * <pre>{@code
 * Channel<Object> sem = Channel.make(3);       // sem := make(chan struct{}, 3)
 * sem.send(TOKEN);                             // acquire: blocks while 3 are held
 * try { work(); } finally { sem.tryReceive(); } // release
 * ctx.send(sem, TOKEN);                         // acquire, giving up when ctx is done
 * }</pre>
 * The channel's memory rule (the k-th receive happens-before the (k+C)-th send completes) makes it a correct
 * semaphore. {@link io.chanflow.sync.Semaphore} is the weighted, FIFO-fair one of {@code x/sync/semaphore};
 * {@link io.chanflow.pattern.Broker} uses a channel of capacity one as a mutex whose acquisition can be
 * abandoned when a context is done.
 */
package io.chanflow.pattern;
