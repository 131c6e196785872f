/**
 * Reactor bridge for Chanflow: {@link io.chanflow.reactor.ChanFlux} turns channels into {@code Flux} and
 * back and runs channel code as {@code transform}-ready operators, with exact backpressure, cancellation
 * both ways, and no blocking on Reactor's non-blocking threads.
 */
package io.chanflow.reactor;
