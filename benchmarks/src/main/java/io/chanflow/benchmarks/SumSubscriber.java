package io.chanflow.benchmarks;

import io.reactivex.rxjava3.core.FlowableSubscriber;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * The one consumer at the end of every bridge and stage benchmark: it requests everything at once, sums the
 * values and counts them, and lets the benchmark thread wait for the end (a latch, as {@code blockLast} does).
 * It is both a Reactor {@link CoreSubscriber} and an RxJava {@link FlowableSubscriber}, so neither library
 * wraps it in its "strict" adapter (which adds two atomic operations per value); Chanflow's publishers call
 * it directly. Every variant of a workload therefore pays for exactly the same consumer.
 *
 * <p>Fields are written only by the thread that signals {@code onNext}/{@code onComplete} (serially, Rule
 * 1.3) and read after {@link CountDownLatch#await}, which orders them.
 */
final class SumSubscriber implements CoreSubscriber<Integer>, FlowableSubscriber<Integer> {
    /** Far longer than any batch; a stream that never ends fails the benchmark instead of hanging it. */
    private static final long TIMEOUT_MINUTES = 10;

    private final CountDownLatch done = new CountDownLatch(1);
    private long sum;
    private long count;
    private Throwable error;

    /**
     * Subscribes to {@code source}, waits until it completes, checks that exactly {@code n} values summing to
     * {@code expectedSum} arrived (each value once) and adds {@code n} items.
     *
     * @return the sum, for JMH to consume
     */
    static long consume(Publisher<Integer> source, long n, long expectedSum, Items items) throws InterruptedException {
        SumSubscriber s = new SumSubscriber();
        source.subscribe(s);
        if (!s.done.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the stream did not complete in " + TIMEOUT_MINUTES + " minutes");
        }
        if (s.error != null) {
            throw new IllegalStateException("the stream failed", s.error);
        }
        Check.sum(s.count, n);
        Check.sum(s.sum, expectedSum);
        items.items += n;
        return s.sum;
    }

    /** {@link #consume} for the values 0..n-1. */
    static long consumeRange(Publisher<Integer> source, int n, Items items) throws InterruptedException {
        return consume(source, n, (long) n * (n - 1) / 2, items);
    }

    @Override
    public void onSubscribe(Subscription s) {
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Integer value) {
        sum += value;
        count++;
    }

    @Override
    public void onError(Throwable t) {
        error = t;
        done.countDown();
    }

    @Override
    public void onComplete() {
        done.countDown();
    }
}
