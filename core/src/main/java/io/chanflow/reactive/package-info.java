/**
 * Channels as Reactive Streams and back: {@link io.chanflow.reactive.ReactiveChannels} (and its
 * {@link java.util.concurrent.Flow} twin {@link io.chanflow.reactive.FlowChannels}).
 *
 * <p>Every bridge keeps three promises: it never takes or requests a value nobody asked for (demand is
 * exact and stated per method), it never buffers without bound, and it never makes a reactive thread wait
 * for a channel: blocking work runs on goroutines (virtual threads). Cancellation travels both ways, and an
 * error travels as a channel closed with a cause. The contracts follow the Reactive Streams specification
 * 1.0.4, whose rules are cited by number (Rule 1.3, Rule 3.9, ...).
 */
package io.chanflow.reactive;
