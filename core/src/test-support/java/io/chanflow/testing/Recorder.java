package io.chanflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A raw Reactive Streams subscriber that records every signal and does whatever a test makes it do:
 * subclasses act in {@link #subscribed} and {@link #next}, rule-abiding or not ({@link HostileSubscribers}
 * has the hostile ones the tests share). Being a plain {@link Subscriber}, Reactor and RxJava wrap it in
 * their StrictSubscriber when it subscribes to a Flux or Flowable, as they would a user's.
 */
public class Recorder implements Subscriber<Integer> {
    /** What {@link #subscribed} requests by default; 0 for nothing. */
    private final long initialRequest;
    public final List<Integer> values = new CopyOnWriteArrayList<>();
    public final AtomicInteger terminals = new AtomicInteger();
    public final CountDownLatch terminated = new CountDownLatch(1);
    public final AtomicLong onNextCalls = new AtomicLong();
    public volatile Subscription subscription;
    public volatile Throwable error;
    public volatile boolean completed;

    /** Requests nothing by itself. */
    public Recorder() {
        this(0);
    }

    /** @param initialRequest what {@link #subscribed} requests; 0 for nothing */
    public Recorder(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    /** Called by onSubscribe; requests the initial request, if any. */
    protected void subscribed(Subscription s) {
        if (initialRequest != 0) {
            s.request(initialRequest);
        }
    }

    /** Called by onNext after {@code v} was recorded. */
    protected void next(Subscription s, int v) {}

    @Override
    public final void onSubscribe(Subscription s) {
        subscription = s;
        subscribed(s);
    }

    @Override
    public final void onNext(Integer v) {
        onNextCalls.incrementAndGet();
        values.add(v);
        next(subscription, v);
    }

    @Override
    public final void onError(Throwable t) {
        error = t;
        terminals.incrementAndGet();
        terminated.countDown();
    }

    @Override
    public final void onComplete() {
        completed = true;
        terminals.incrementAndGet();
        terminated.countDown();
    }

    /** Waits up to 10 s for a terminal signal, and fails without one. */
    public void awaitTerminal() throws InterruptedException {
        assertThat(terminated.await(10, TimeUnit.SECONDS)).as("a terminal signal").isTrue();
    }
}
