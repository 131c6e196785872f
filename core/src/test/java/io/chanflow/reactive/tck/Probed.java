package io.chanflow.reactive.tck;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.SubscriberPuppet;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.WhiteboxSubscriberProbe;

/**
 * A subscriber under whitebox test, wrapped so that the TCK's probe sees every signal after the subscriber
 * handled it.
 */
final class Probed<T> implements Subscriber<T> {
    private final Subscriber<T> actual;
    private final WhiteboxSubscriberProbe<T> probe;
    private final SubscriberPuppet puppet;

    Probed(Subscriber<T> actual, WhiteboxSubscriberProbe<T> probe, SubscriberPuppet puppet) {
        this.actual = actual;
        this.probe = probe;
        this.puppet = puppet;
    }

    @Override
    public void onSubscribe(Subscription s) {
        actual.onSubscribe(s);
        probe.registerOnSubscribe(puppet);
    }

    @Override
    public void onNext(T t) {
        actual.onNext(t);
        probe.registerOnNext(t);
    }

    @Override
    public void onError(Throwable t) {
        actual.onError(t);
        probe.registerOnError(t);
    }

    @Override
    public void onComplete() {
        actual.onComplete();
        probe.registerOnComplete();
    }
}
