/**
 * Bridges between Chanflow channels and Project Reactor.
 */
module io.chanflow.reactor {
    requires transitive io.chanflow;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;

    exports io.chanflow.reactor;
}
