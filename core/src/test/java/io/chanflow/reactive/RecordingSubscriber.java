package io.chanflow.reactive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** A subscriber that records what it is signalled, on which thread, and requests only when told to. */
final class RecordingSubscriber<T> implements Subscriber<T> {
    final List<T> values = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch terminated = new CountDownLatch(1);
    volatile Subscription subscription;
    volatile Throwable error;
    volatile boolean completed;

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
    }

    @Override
    public void onNext(T t) {
        threads.add(Thread.currentThread());
        values.add(t);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
        terminated.countDown();
    }

    @Override
    public void onComplete() {
        completed = true;
        terminated.countDown();
    }

    void request(long n) {
        subscription.request(n);
    }

    boolean awaitTermination() throws InterruptedException {
        return terminated.await(5, TimeUnit.SECONDS);
    }
}
