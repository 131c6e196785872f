/**
 * Chanflow core: Go's channels, {@code select}, goroutines and timers on virtual threads.
 *
 * <p>The only dependency is {@code org.reactivestreams}, used by the Reactive Streams bridge.
 */
module io.chanflow {
    requires transitive org.reactivestreams;

    exports io.chanflow;
    exports io.chanflow.context;
    exports io.chanflow.pattern;
    exports io.chanflow.reactive;
    exports io.chanflow.sync;
}
