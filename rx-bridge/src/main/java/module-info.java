/**
 * Bridges between Chanflow channels and RxJava 3.
 */
module io.chanflow.rx {
    requires transitive io.chanflow;
    requires transitive io.reactivex.rxjava3;
    requires transitive org.reactivestreams;

    exports io.chanflow.rx;
}
