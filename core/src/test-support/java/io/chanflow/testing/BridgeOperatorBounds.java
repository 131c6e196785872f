package io.chanflow.testing;

import io.chanflow.reactive.ReactiveChannels;

/**
 * The sizes of the bounded-heap runs through the bridges ({@code ChanFlux} and {@code ChanFlowable}: their
 * operators stage, stageOrdered, tee, bridge, fanIn, fanOut, workerPool, and toChannel/from, which use
 * {@link #ELEMENTS}, {@link #HEAP_PROBE_FIRST} and {@link #HEAP_GROWTH_LIMIT} only), and for each operator
 * the most values that may be requested from its sources and not yet consumed ({@link Bound}), derived from
 * the prefetch and capacities the operator documents. Both bridges run the same {@link ReactiveChannels} operators with the
 * same prefetch, so one derivation serves both; each bridge's test runs the operators with its own library
 * and checks the bounds with a {@link DemandMeter}.
 *
 * <p>"Requested" counts only values a source has: a request past a source's end asks for nothing, so the
 * 75 % refill a bridge sends as a source runs out does not add up over {@code bridge}'s thousand inner
 * sources. "Consumed" is counted as the operator's output passes downstream (for {@code tee}, by the slower
 * branch). The gap is largest right after a request, so it is checked at each request.
 */
public final class BridgeOperatorBounds {
    private BridgeOperatorBounds() {}

    /** The values {@code 0 .. ELEMENTS-1} go through each operator. */
    public static final int ELEMENTS = 10_000_000;
    /** The heap is measured after this many values and at the end. */
    public static final int HEAP_PROBE_FIRST = 1_000_000;
    /** Heap growth (bytes) between the two probes that fails a run. */
    public static final long HEAP_GROWTH_LIMIT = 32L << 20;
    /** The prefetch every bridge operator uses ({@code P} below). */
    public static final int PREFETCH = ReactiveChannels.DEFAULT_PREFETCH;
    /** Workers of stage, stageOrdered and workerPool ({@code W} below). */
    public static final int WORKERS = 4;
    /** The worker pool's job queue ({@code Q} below). */
    public static final int QUEUE = 16;
    /** Branches of fanOut ({@code B} below). */
    public static final int BRANCHES = 4;
    /** Sources of fanIn ({@code S} below), {@code ELEMENTS / SOURCES} values each. */
    public static final int SOURCES = 4;
    /** Inner publishers of bridge, {@code ELEMENTS / INNERS} values each. */
    public static final int INNERS = 1_000;
    /**
     * The outer publisher of bridge, asked for 1 then 1 per inner publisher taken, is checked apart: at most 2
     * inner publishers requested ahead of those subscribed.
     */
    public static final int OUTER_BOUND = 2;

    /** Each operator's bound on requested but not consumed, whether its output keeps order, and its lanes. */
    public enum Bound {
        /**
         * Upstream gets P, then 75 % refills as the workers take values: requested ≤ taken by workers + P.
         * A taken value is in a worker's hand (≤ W), in the output buffer ({@code workers} slots, ≤ W), in
         * the publishing goroutine's hand (≤ 1) or consumed. Bound: P + 2W + 1.
         */
        STAGE(PREFETCH + 2 * WORKERS + 1, true),
        /**
         * As a stage with one collecting worker, prefetch P, and an output buffer of W: requested ≤ taken
         * from the input + P. A taken value is in the dispatcher's hand before its slot is queued (≤ 1), has
         * its slot in the order queue (≤ W), in the collector's hand (≤ 1), in the output buffer (≤ W), in
         * the publishing goroutine's hand (≤ 1) or is consumed. Bound: P + 2W + 3.
         */
        STAGE_ORDERED(PREFETCH + 2 * WORKERS + 3, false),
        /**
         * Upstream gets P, then 75 % refills as the tee takes values: requested ≤ taken + P. The tee holds
         * one value until both branches took it, and each branch's publishing goroutine holds at most one
         * before it is consumed, so the slower branch has consumed at least taken - 2. Bound: P + 2. Two
         * lanes: each branch gets every value.
         */
        TEE(PREFETCH + 2, false) {
            @Override
            public int lanes() {
                return 2;
            }
        },
        /**
         * One inner publisher at a time gets P, then 75 % refills: its requested ≤ taken + P. A taken value
         * is in the worker's hand (≤ 1), in the output buffer (1 slot), in the publishing goroutine's hand
         * (≤ 1) or consumed. Bound: P + 3. (The outer publisher is checked apart: {@link #OUTER_BOUND}.)
         */
        BRIDGE(PREFETCH + 3, false),
        /**
         * Each source gets P, then 75 % refills: requested ≤ taken + P per source. The merge has one
         * goroutine per source holding at most one value for the unbuffered output, and the publishing
         * goroutine holds at most one. Bound: S·P + S + 1.
         */
        FAN_IN(SOURCES * PREFETCH + SOURCES + 1, true),
        /**
         * Round-robin over B branches, counted together. Upstream gets P, then 75 % refills: requested ≤
         * taken + P. The distributor holds at most one value for an unbuffered branch channel, and each
         * branch's publishing goroutine at most one. Bound: P + 1 + B.
         */
        FAN_OUT(PREFETCH + 1 + BRANCHES, true),
        /**
         * Upstream gets P, then 75 % refills as jobs are taken from the channel: requested ≤ taken + P. A
         * taken job is in the feeding goroutine's hand (≤ 1), in the job queue (≤ Q), in a worker's hand
         * until its result is taken from the unbuffered results (≤ W), in the publishing goroutine's hand
         * (≤ 1) or consumed. Bound: P + Q + W + 2.
         */
        WORKER_POOL(PREFETCH + QUEUE + WORKERS + 2, true);

        /** The most values requested from the sources and not yet consumed, at any time. */
        public final long requestedAhead;
        /** Whether the output may come out of order. */
        public final boolean unordered;

        Bound(long requestedAhead, boolean unordered) {
            this.requestedAhead = requestedAhead;
            this.unordered = unordered;
        }

        /** @return how many branches each get every value */
        public int lanes() {
            return 1;
        }
    }
}
