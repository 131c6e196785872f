package io.chanflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chanflow.Goroutines;
import io.chanflow.context.ContextDoneException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * The subscribers that push the Reactive Streams rules to their limits, or break them, as every module's
 * hostile-peer tests use them on the bridges' publishers (core's channel publisher and operators, the Flux
 * and Flowable of ChanFlux and ChanFlowable). Each is a {@link Recorder}, so the test sees what it got.
 */
public final class HostileSubscribers {
    private HostileSubscribers() {}

    /**
     * Requests each of {@code ns} in onSubscribe, whatever they are: {@code 0} or negative (§3.9),
     * {@code Long.MAX_VALUE} and more on top (§3.17).
     */
    public static Recorder requesting(long... ns) {
        return new Recorder() {
            @Override
            protected void subscribed(Subscription s) {
                for (long n : ns) {
                    s.request(n);
                }
            }
        };
    }

    /**
     * Requests {@code request}; inside the onNext of its {@code at}-th value cancels, cancels again (§3.7) and
     * requests 5 more (§3.6).
     */
    public static Recorder cancellingInsideOnNext(long request, int at) {
        return new Recorder(request) {
            @Override
            protected void next(Subscription s, int v) {
                if (values.size() == at) {
                    s.cancel();
                    s.cancel();
                    s.request(5);
                }
            }
        };
    }

    /**
     * Requests 1, then 1 more inside each onNext (§3.3), recording in {@code maxDepth} how deep onNext was
     * ever nested (1: never re-entered).
     */
    public static Recorder requestingInsideOnNext(AtomicInteger maxDepth) {
        AtomicInteger depth = new AtomicInteger();
        return new Recorder(1) {
            @Override
            protected void next(Subscription s, int v) {
                maxDepth.accumulateAndGet(depth.incrementAndGet(), Math::max);
                s.request(1);
                depth.decrementAndGet();
            }
        };
    }

    /** Cancels in onSubscribe, then requests 5 (§3.6). */
    public static Recorder cancellingThenRequesting() {
        return new Recorder() {
            @Override
            protected void subscribed(Subscription s) {
                s.cancel();
                s.request(5);
            }
        };
    }

    /**
     * Subscribes {@code hostile} to the first of an operator's {@code branches} and a Recorder requesting
     * everything to each other branch, and checks what those get once the first left ({@code hostileLeaves})
     * or ended, as the operators' Javadoc says: the other branch of a tee ({@code copies}) goes on alone to
     * every value of {@code [0, n)} and onComplete; that of a fan-out ends with ContextDoneException if the
     * first left (else completes), and never gets a value the first got. Then waits until every goroutine
     * started meanwhile has ended and, if the first branch left, checks the source was cancelled, unless a
     * tee's other branch still read it (or a bridge left before it ever subscribed its inner source).
     *
     * @param sourceSubscribed whether the source was subscribed
     * @param sourceCancelled whether the source was cancelled
     */
    public static void subscribeFirst(List<? extends Publisher<Integer>> branches, Recorder hostile,
                                      boolean hostileLeaves, boolean copies, int n,
                                      BooleanSupplier sourceSubscribed, BooleanSupplier sourceCancelled)
            throws InterruptedException {
        Goroutines.Snapshot before = Goroutines.snapshot();
        branches.get(0).subscribe(hostile);
        for (Publisher<Integer> branch : branches.subList(1, branches.size())) {
            Recorder other = new Recorder(Long.MAX_VALUE);
            branch.subscribe(other);
            other.awaitTerminal();
            if (copies) {
                assertThat(other.values).as("a tee's other branch goes on alone")
                        .containsExactlyElementsOf(IntStream.range(0, n).boxed().toList());
                assertThat(other.completed).as("completed: %s", other.error).isTrue();
            } else if (hostileLeaves) {
                assertThat(other.error).as("a fan-out ends with its context").isInstanceOf(ContextDoneException.class);
            } else {
                assertThat(other.completed).as("completed: %s", other.error).isTrue();
            }
            assertThat(other.values).doesNotHaveDuplicates();
            if (!copies) {
                assertThat(other.values).as("each value to one branch").noneMatch(hostile.values::contains);
            }
        }
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
                .until(() -> Goroutines.startedSince(before).isEmpty());
        if (hostileLeaves && !copies && sourceSubscribed.getAsBoolean()) {
            assertThat(sourceCancelled.getAsBoolean()).as("the source cancelled").isTrue();
        }
        assertThat(hostile.values).doesNotHaveDuplicates();
    }
}
