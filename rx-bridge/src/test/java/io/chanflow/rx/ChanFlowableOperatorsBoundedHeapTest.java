package io.chanflow.rx;

import static io.chanflow.testing.BridgeOperatorBounds.BRANCHES;
import static io.chanflow.testing.BridgeOperatorBounds.ELEMENTS;
import static io.chanflow.testing.BridgeOperatorBounds.HEAP_GROWTH_LIMIT;
import static io.chanflow.testing.BridgeOperatorBounds.HEAP_PROBE_FIRST;
import static io.chanflow.testing.BridgeOperatorBounds.INNERS;
import static io.chanflow.testing.BridgeOperatorBounds.OUTER_BOUND;
import static io.chanflow.testing.BridgeOperatorBounds.QUEUE;
import static io.chanflow.testing.BridgeOperatorBounds.SOURCES;
import static io.chanflow.testing.BridgeOperatorBounds.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.pattern.Distribution;
import io.chanflow.testing.BridgeOperatorBounds;
import io.chanflow.testing.BridgeOperatorBounds.Bound;
import io.chanflow.testing.DemandMeter;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.functions.Consumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No unbounded queue in any bridge operator: {@value BridgeOperatorBounds#ELEMENTS} elements through each
 * {@link ChanFlowable} operator (stage, stageOrdered, tee, bridge, fanIn, fanOut, workerPool) arrive exactly
 * once (a bit per value: no loss, no duplicate; in order where the operator keeps order), the values
 * requested from the sources and not yet consumed never exceed, at any time, the bound the operator's
 * documented prefetch and capacities give (each {@link Bound} derives its own, and says how requested and
 * consumed are counted), the heap used after a GC does not grow between the first million and the end, and
 * no goroutine is left once the stream completed. The sizes, bounds and checks are shared with ChanFlux's
 * twin of this test ({@link BridgeOperatorBounds}, {@link DemandMeter}); what is RxJava's is below.
 *
 * <p>Slow by nature: every value crosses goroutines through channels, and tee, fanIn, fanOut and workerPool
 * hand each value over an unbuffered channel (a goroutine switch per value). On two cores shared with other
 * work the seven runs took about 2.5 minutes, tee the longest (45 to 60 s).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChanFlowableOperatorsBoundedHeapTest {
    static final Duration RUN_LIMIT = Duration.ofSeconds(170);

    enum Operator {
        STAGE(Bound.STAGE) {
            @Override
            Completable run(Meter m) {
                return m.source(0, ELEMENTS)
                        .compose(ChanFlowable.stage(WORKERS, (ReceiveChannel<Integer> in, SendChannel<Integer> out) -> {
                            for (Integer x : in) {
                                out.send(x);
                            }
                        }))
                        .doOnNext(m.lane(0))
                        .ignoreElements();
            }
        },
        STAGE_ORDERED(Bound.STAGE_ORDERED) {
            @Override
            Completable run(Meter m) {
                return m.source(0, ELEMENTS)
                        .compose(ChanFlowable.<Integer, Integer>stageOrdered(WORKERS, x -> x))
                        .doOnNext(m.lane(0))
                        .ignoreElements();
            }
        },
        TEE(Bound.TEE) {
            @Override
            Completable run(Meter m) {
                List<Flowable<Integer>> branches = ChanFlowable.tee(m.source(0, ELEMENTS));
                return Completable.mergeArray(branches.get(0).doOnNext(m.lane(0)).ignoreElements(),
                        branches.get(1).doOnNext(m.lane(1)).ignoreElements());
            }
        },
        BRIDGE(Bound.BRIDGE) {
            @Override
            Completable run(Meter m) {
                int size = ELEMENTS / INNERS;
                Flowable<Flowable<Integer>> inners = m.outer(INNERS).map(i -> m.source(i * size, size).doOnSubscribe(s -> m.innerSubscribed()));
                return ChanFlowable.bridge(inners).doOnNext(m.lane(0)).ignoreElements();
            }
        },
        FAN_IN(Bound.FAN_IN) {
            @Override
            Completable run(Meter m) {
                int size = ELEMENTS / SOURCES;
                return ChanFlowable.fanIn(m.source(0, size), m.source(size, size), m.source(2 * size, size),
                                m.source(3 * size, size))
                        .doOnNext(m.lane(0))
                        .ignoreElements();
            }
        },
        FAN_OUT(Bound.FAN_OUT) {
            @Override
            Completable run(Meter m) {
                List<Flowable<Integer>> branches = ChanFlowable.fanOut(m.source(0, ELEMENTS), BRANCHES, Distribution.ROUND_ROBIN);
                return Completable.merge(branches.stream().map(b -> b.doOnNext(m.lane(0)).ignoreElements()).toList());
            }
        },
        WORKER_POOL(Bound.WORKER_POOL) {
            @Override
            Completable run(Meter m) {
                return m.source(0, ELEMENTS)
                        .compose(ChanFlowable.<Integer, Integer>workerPool(WORKERS, QUEUE, (ctx, x) -> x))
                        .doOnNext(m.lane(0))
                        .ignoreElements();
            }
        };

        final Bound bound;

        Operator(Bound bound) {
            this.bound = bound;
        }

        /** Subscribes the operator's output, each branch consumed through a {@link Meter#lane}. */
        abstract Completable run(Meter m);
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void tenMillionElementsArriveExactlyOnceWithBoundedDemandAndHeap(Operator op) throws InterruptedException {
        Goroutines.Snapshot before = Goroutines.snapshot();
        Meter m = new Meter(op.bound);

        assertThat(op.run(m).blockingAwait(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("completed in time").isTrue();

        m.assertExactlyOnceBoundedDemandAndHeap(op.name(), op.bound.requestedAhead, OUTER_BOUND, HEAP_GROWTH_LIMIT);
        Goroutines.verifyNoLeaks(before, Duration.ofSeconds(10));
    }

    /** The shared {@link DemandMeter} with Flowable sources and lanes. */
    static final class Meter extends DemandMeter {
        Meter(Bound bound) {
            super(ELEMENTS, HEAP_PROBE_FIRST, bound.lanes(), !bound.unordered);
        }

        /** {@code from .. from+count-1}, its requests counted up to its end. */
        Flowable<Integer> source(int from, int count) {
            return Flowable.range(from, count).doOnRequest(sourceRequests(count)::accept);
        }

        /** 0 .. count-1, for the inner publishers of a bridge. */
        Flowable<Integer> outer(int count) {
            return Flowable.range(0, count).doOnRequest(outerRequests(count)::accept);
        }

        /** Consumes a lane's values: records each one, and lane 0 measures the heap at 1M and at the end. */
        Consumer<Integer> lane(int index) {
            return v -> take(index, v);
        }
    }
}
