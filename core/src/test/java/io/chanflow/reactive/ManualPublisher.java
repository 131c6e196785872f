package io.chanflow.reactive;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A publisher driven by the test: it records every request and the cancel, and emits only what the test
 * tells it to, on the test's thread (even beyond demand, to test protocol errors). One subscriber.
 */
final class ManualPublisher<T> implements Publisher<T> {
    final AtomicLong requested = new AtomicLong();
    final CopyOnWriteArrayList<Long> requests = new CopyOnWriteArrayList<>();
    final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong emitted = new AtomicLong();
    private volatile Subscriber<? super T> subscriber;

    @Override
    public void subscribe(Subscriber<? super T> s) {
        subscriber = s;
        s.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                requests.add(n);
                requested.addAndGet(n);
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
    }

    /** Emits values, whatever the demand. */
    @SafeVarargs
    final void emit(T... values) {
        for (T v : values) {
            emitted.incrementAndGet();
            subscriber.onNext(v);
        }
    }

    /** Requested and not yet emitted. */
    long outstanding() {
        return requested.get() - emitted.get();
    }

    void complete() {
        subscriber.onComplete();
    }

    void error(Throwable t) {
        subscriber.onError(t);
    }
}
