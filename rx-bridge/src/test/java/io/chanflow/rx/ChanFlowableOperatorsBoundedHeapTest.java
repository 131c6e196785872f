package io.chanflow.rx;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.pattern.Distribution;
import io.chanflow.reactive.ReactiveChannels;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.functions.Consumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No unbounded queue in any bridge operator: {@value #ELEMENTS} elements through each {@link ChanFlowable}
 * operator (stage, stageOrdered, tee, bridge, fanIn, fanOut, workerPool) arrive exactly once (a bit per
 * value: no loss, no duplicate; in order where the operator keeps order), the values requested from the
 * sources and not yet consumed never exceed, at any time, the bound the operator's documented prefetch and
 * capacities give (each {@link Operator} derives its own), the heap used after a GC does not grow between
 * the first million and the end, and no goroutine is left once the stream completed.
 *
 * <p>"Requested" counts only values a source has: a request past a source's end asks for nothing, so the
 * 75 % refill a bridge sends as a source runs out does not add up over {@code bridge}'s thousand inner
 * sources. "Consumed" is counted as the operator's output passes downstream (for {@code tee}, by the slower
 * branch). The gap is largest right after a request, so it is checked at each request.
 *
 * <p>Slow by nature: every value crosses goroutines through channels, and tee, fanIn, fanOut and workerPool
 * hand each value over an unbuffered channel (a goroutine switch per value). On two cores shared with other
 * work the seven runs took about 2.5 minutes, tee the longest (45 to 60 s).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChanFlowableOperatorsBoundedHeapTest {
    static final int ELEMENTS = 10_000_000;
    static final int HEAP_PROBE_FIRST = 1_000_000;
    static final long HEAP_GROWTH_LIMIT = 32L << 20;
    static final Duration RUN_LIMIT = Duration.ofSeconds(170);
    /** The prefetch every ChanFlowable operator uses ({@code P} below). */
    static final int PREFETCH = ReactiveChannels.DEFAULT_PREFETCH;
    /** Workers of stage, stageOrdered and workerPool ({@code W} below). */
    static final int WORKERS = 4;
    /** The worker pool's job queue ({@code Q} below). */
    static final int QUEUE = 16;
    /** Branches of fanOut ({@code B} below). */
    static final int BRANCHES = 4;
    /** Sources of fanIn ({@code S} below), {@code ELEMENTS / SOURCES} values each. */
    static final int SOURCES = 4;
    /** Inner publishers of bridge, {@code ELEMENTS / INNERS} values each. */
    static final int INNERS = 1_000;

    enum Operator {
        /**
         * Upstream gets P, then 75 % refills as the workers take values: requested ≤ taken by workers + P.
         * A taken value is in a worker's hand (≤ W), in the output buffer ({@code workers} slots, ≤ W), in
         * the publishing goroutine's hand (≤ 1) or consumed. Bound: P + 2W + 1.
         */
        STAGE(PREFETCH + 2 * WORKERS + 1, true) {
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
        /**
         * As a stage with one collecting worker, prefetch P, and an output buffer of W: requested ≤ taken
         * from the input + P. A taken value is in the dispatcher's hand before its slot is queued (≤ 1), has
         * its slot in the order queue (≤ W), in the collector's hand (≤ 1), in the output buffer (≤ W), in
         * the publishing goroutine's hand (≤ 1) or is consumed. Bound: P + 2W + 3.
         */
        STAGE_ORDERED(PREFETCH + 2 * WORKERS + 3, false) {
            @Override
            Completable run(Meter m) {
                return m.source(0, ELEMENTS)
                        .compose(ChanFlowable.<Integer, Integer>stageOrdered(WORKERS, x -> x))
                        .doOnNext(m.lane(0))
                        .ignoreElements();
            }
        },
        /**
         * Upstream gets P, then 75 % refills as the tee takes values: requested ≤ taken + P. The tee holds
         * one value until both branches took it, and each branch's publishing goroutine holds at most one
         * before it is consumed, so the slower branch has consumed at least taken - 2. Bound: P + 2.
         */
        TEE(PREFETCH + 2, false) {
            @Override
            Completable run(Meter m) {
                List<Flowable<Integer>> branches = ChanFlowable.tee(m.source(0, ELEMENTS));
                return Completable.mergeArray(branches.get(0).doOnNext(m.lane(0)).ignoreElements(),
                        branches.get(1).doOnNext(m.lane(1)).ignoreElements());
            }

            @Override
            int lanes() {
                return 2;
            }
        },
        /**
         * One inner publisher at a time gets P, then 75 % refills: its requested ≤ taken + P. A taken value
         * is in the worker's hand (≤ 1), in the output buffer (1 slot), in the publishing goroutine's hand
         * (≤ 1) or consumed. Bound: P + 3. (The outer publisher, asked for 1 then 1 per inner publisher
         * taken, is checked apart: at most 2 requested ahead of the inner publishers subscribed.)
         */
        BRIDGE(PREFETCH + 3, false) {
            @Override
            Completable run(Meter m) {
                int size = ELEMENTS / INNERS;
                Flowable<Flowable<Integer>> inners = m.outer(INNERS).map(i -> m.source(i * size, size).doOnSubscribe(s -> m.innerSubscribed()));
                return ChanFlowable.bridge(inners).doOnNext(m.lane(0)).ignoreElements();
            }
        },
        /**
         * Each source gets P, then 75 % refills: requested ≤ taken + P per source. The merge has one
         * goroutine per source holding at most one value for the unbuffered output, and the publishing
         * goroutine holds at most one. Bound: S·P + S + 1.
         */
        FAN_IN(SOURCES * PREFETCH + SOURCES + 1, true) {
            @Override
            Completable run(Meter m) {
                int size = ELEMENTS / SOURCES;
                return ChanFlowable.fanIn(m.source(0, size), m.source(size, size), m.source(2 * size, size),
                                m.source(3 * size, size))
                        .doOnNext(m.lane(0))
                        .ignoreElements();
            }
        },
        /**
         * Round-robin over B branches, counted together. Upstream gets P, then 75 % refills: requested ≤
         * taken + P. The distributor holds at most one value for an unbuffered branch channel, and each
         * branch's publishing goroutine at most one. Bound: P + 1 + B.
         */
        FAN_OUT(PREFETCH + 1 + BRANCHES, true) {
            @Override
            Completable run(Meter m) {
                List<Flowable<Integer>> branches = ChanFlowable.fanOut(m.source(0, ELEMENTS), BRANCHES, Distribution.ROUND_ROBIN);
                return Completable.merge(branches.stream().map(b -> b.doOnNext(m.lane(0)).ignoreElements()).toList());
            }
        },
        /**
         * Upstream gets P, then 75 % refills as jobs are taken from the channel: requested ≤ taken + P. A
         * taken job is in the feeding goroutine's hand (≤ 1), in the job queue (≤ Q), in a worker's hand
         * until its result is taken from the unbuffered results (≤ W), in the publishing goroutine's hand
         * (≤ 1) or consumed. Bound: P + Q + W + 2.
         */
        WORKER_POOL(PREFETCH + QUEUE + WORKERS + 2, true) {
            @Override
            Completable run(Meter m) {
                return m.source(0, ELEMENTS)
                        .compose(ChanFlowable.<Integer, Integer>workerPool(WORKERS, QUEUE, (ctx, x) -> x))
                        .doOnNext(m.lane(0))
                        .ignoreElements();
            }
        };

        final long bound;
        final boolean unordered;

        Operator(long bound, boolean unordered) {
            this.bound = bound;
            this.unordered = unordered;
        }

        /** Subscribes the operator's output, each branch consumed through a {@link Meter#lane}. */
        abstract Completable run(Meter m);

        /** How many branches each get every value. */
        int lanes() {
            return 1;
        }
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void tenMillionElementsArriveExactlyOnceWithBoundedDemandAndHeap(Operator op) throws InterruptedException {
        Goroutines.Snapshot before = Goroutines.snapshot();
        Meter m = new Meter(op.lanes(), op.unordered);
        long start = System.nanoTime();

        assertThat(op.run(m).blockingAwait(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("completed in time").isTrue();

        System.out.printf("%s: %,d elements in %,d ms; worst requested ahead %d (bound %d); heap %,d -> %,d bytes%n",
                op, ELEMENTS, (System.nanoTime() - start) / 1_000_000, m.worstAhead.get(), op.bound,
                m.heapAt.get(0), m.heapAt.get(1));
        for (Ledger lane : m.lanes) {
            assertThat(lane.duplicates.get()).as("values received twice").isZero();
            assertThat(lane.outOfOrder.get()).as("values out of order").isZero();
            assertThat(lane.count.get()).as("distinct values received").isEqualTo(ELEMENTS);
        }
        assertThat(m.worstAhead.get()).as("requested but not consumed, at worst").isLessThanOrEqualTo(op.bound);
        assertThat(m.worstOuterAhead.get()).as("inner publishers requested but not subscribed, at worst")
                .isLessThanOrEqualTo(2);
        assertThat(m.heapAt.get(1) - m.heapAt.get(0)).as("heap growth from 1M to %,d elements", ELEMENTS)
                .isLessThan(HEAP_GROWTH_LIMIT);
        Goroutines.verifyNoLeaks(before, Duration.ofSeconds(10));
    }

    /** What the sources were asked for, what each lane consumed, and the heap at two points of lane 0. */
    static final class Meter {
        final AtomicLong requested = new AtomicLong();
        final AtomicLong worstAhead = new AtomicLong();
        final AtomicLong outerRequested = new AtomicLong();
        final AtomicLong innersSubscribed = new AtomicLong();
        final AtomicLong worstOuterAhead = new AtomicLong();
        final AtomicLongArray heapAt = new AtomicLongArray(2);
        final Ledger[] lanes;

        Meter(int lanes, boolean unordered) {
            this.lanes = new Ledger[lanes];
            for (int i = 0; i < lanes; i++) {
                this.lanes[i] = new Ledger(ELEMENTS, unordered);
            }
        }

        /** {@code from .. from+count-1}, its requests counted up to its end. */
        Flowable<Integer> source(int from, int count) {
            AtomicLong asked = new AtomicLong();
            return Flowable.range(from, count).doOnRequest(n -> {
                long before = asked.getAndAccumulate(n, Meter::saturatedAdd);
                long more = Math.min(saturatedAdd(before, n), count) - Math.min(before, count);
                long ahead = requested.addAndGet(more) - consumed();
                worstAhead.accumulateAndGet(ahead, Math::max);
            });
        }

        /** 0 .. count-1, for the inner publishers of a bridge. */
        Flowable<Integer> outer(int count) {
            return Flowable.range(0, count).doOnRequest(n -> {
                long ahead = outerRequested.addAndGet(Math.min(n, count)) - innersSubscribed.get();
                worstOuterAhead.accumulateAndGet(ahead, Math::max);
            });
        }

        void innerSubscribed() {
            innersSubscribed.incrementAndGet();
        }

        /** Consumes a lane's values: records each one, and lane 0 measures the heap at 1M and at the end. */
        Consumer<Integer> lane(int index) {
            Ledger ledger = lanes[index];
            return v -> {
                long c = ledger.take(v);
                if (index == 0 && (c == HEAP_PROBE_FIRST || c == ELEMENTS)) {
                    heapAt.set(c == ELEMENTS ? 1 : 0, usedHeapAfterGc());
                }
            };
        }

        /** What the slowest lane consumed. */
        long consumed() {
            long min = Long.MAX_VALUE;
            for (Ledger l : lanes) {
                min = Math.min(min, l.count.get());
            }
            return min;
        }

        static long saturatedAdd(long a, long b) {
            long s = a + b;
            return s < 0 ? Long.MAX_VALUE : s;
        }
    }

    /** One bit per value 0 .. size-1: counts distinct values, duplicates and (if ordered) values out of order. */
    static final class Ledger {
        final AtomicLongArray bits;
        final AtomicLong count = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong last = new AtomicLong(-1);
        final boolean unordered;

        Ledger(int size, boolean unordered) {
            this.bits = new AtomicLongArray((size + 63) / 64);
            this.unordered = unordered;
        }

        /** Records {@code v}; returns the number of distinct values so far. */
        long take(int v) {
            if (!unordered && last.getAndSet(v) != v - 1) {
                outOfOrder.incrementAndGet();
            }
            long bit = 1L << v;
            long word = bits.getAndAccumulate(v >>> 6, bit, (w, b) -> w | b);
            if ((word & bit) != 0) {
                duplicates.incrementAndGet();
                return count.get();
            }
            return count.incrementAndGet();
        }
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
