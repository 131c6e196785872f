package io.chanflow.pattern;

import io.chanflow.ReceiveChannel;
import java.time.Instant;

/**
 * The two outputs of {@link Pipeline#heartbeat}: the stage's results, and the pulses that show its goroutine
 * is alive.
 *
 * @param pulses a channel with a buffer of one that receives the time every interval while the stage's
 *     goroutine is waiting (for input or for a consumer); pulses nobody takes are dropped, never queued. No
 *     pulses arrive while the goroutine is inside the stage's function, so pulses stopping means the
 *     function is stuck. Closed together with {@code values}.
 * @param values the stage's results, in input order
 * @param <T> the result type
 */
public record Heartbeat<T>(ReceiveChannel<Instant> pulses, ReceiveChannel<T> values) {}
