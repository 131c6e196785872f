/**
 * Go's {@code context} package: cancellation, deadlines and request-scoped values, with a
 * {@link io.chanflow.Done done channel} usable as a select case. Start from {@link io.chanflow.context.Context}.
 */
package io.chanflow.context;
