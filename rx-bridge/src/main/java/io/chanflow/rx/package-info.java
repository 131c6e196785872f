/**
 * RxJava 3 bridge for Chanflow: {@link io.chanflow.rx.ChanFlowable} turns channels into {@code Flowable}
 * and back and runs channel code as {@code compose}-ready operators, with exact backpressure, cancellation
 * both ways, and no blocking on RxJava's computation threads.
 */
package io.chanflow.rx;
