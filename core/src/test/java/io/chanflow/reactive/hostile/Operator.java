package io.chanflow.reactive.hostile;

import static io.chanflow.reactive.hostile.Peers.eachAsJust;
import static io.chanflow.reactive.hostile.Peers.empty;
import static io.chanflow.reactive.hostile.Peers.flow;
import static io.chanflow.reactive.hostile.Peers.just;
import static io.chanflow.reactive.hostile.Peers.reactive;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.pattern.Distribution;
import io.chanflow.reactive.FlowChannels;
import io.chanflow.reactive.ReactiveChannels;
import io.chanflow.reactive.Tee;
import io.chanflow.testing.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.reactivestreams.Publisher;

/**
 * Every bridge operator that subscribes to a publisher and publishes again, each fed one upstream of
 * {@code Integer}s and seen through its output branches, with the identity as its work, so what comes out is
 * what went in. What a test can expect of an operator follows from its Javadoc, summed up in {@link Fan} and
 * {@link #ordered}.
 */
enum Operator {
    /** {@code ReactiveChannels.stage(upstream, 2, PREFETCH, identity)}: two workers, so any order. */
    STAGE(Fan.ONE, false, up -> List.of(ReactiveChannels.stage(up, 2, Operator.PREFETCH, Operator::identity))),
    /** {@code ReactiveChannels.stageOrdered(upstream, 2, identity)} (prefetch 32): input order. */
    STAGE_ORDERED(Fan.ONE, true, up -> List.of(ReactiveChannels.stageOrdered(up, 2, v -> v))),
    /** {@code ReactiveChannels.tee(upstream, PREFETCH)}: both branches get every value. */
    TEE(Fan.COPIES, true, up -> {
        Tee<Integer> tee = ReactiveChannels.tee(up, Operator.PREFETCH);
        return List.of(tee.first(), tee.second());
    }),
    /** {@code ReactiveChannels.bridge(outer, PREFETCH)}, upstream the outer publisher: each value v as just(v). */
    BRIDGE_OUTER(Fan.ONE, true, up -> List.of(ReactiveChannels.bridge(eachAsJust(up), Operator.PREFETCH))),
    /** {@code ReactiveChannels.bridge(just(upstream), PREFETCH)}: upstream is the one inner publisher. */
    BRIDGE_INNER(Fan.ONE, true, up -> List.of(ReactiveChannels.bridge(just(up), Operator.PREFETCH))),
    /** {@code ReactiveChannels.fanIn([upstream, empty], PREFETCH)}: the merge with a source that completes at once. */
    FAN_IN(Fan.ONE, true, up -> List.of(ReactiveChannels.fanIn(List.of(up, empty()), Operator.PREFETCH))),
    /** {@code ReactiveChannels.fanOut(upstream, 2, ROUND_ROBIN, PREFETCH)}: each value to one branch. */
    FAN_OUT(Fan.SPLIT, true, up -> ReactiveChannels.fanOut(up, 2, Distribution.ROUND_ROBIN, Operator.PREFETCH)),
    /** {@code ReactiveChannels.workerPool(upstream, 2 workers, queue 1, identity, PREFETCH)}: finish order. */
    WORKER_POOL(Fan.ONE, false,
            up -> List.of(ReactiveChannels.workerPool(up, 2, 1, (ctx, v) -> v, Operator.PREFETCH))),
    /** {@code FlowChannels.stage} over a {@link java.util.concurrent.Flow.Publisher}, two workers. */
    FLOW_STAGE(Fan.ONE, false,
            up -> List.of(reactive(FlowChannels.stage(flow(up), 2, Operator.PREFETCH, Operator::identity)))),
    /** {@code FlowChannels.stageOrdered} over a {@link java.util.concurrent.Flow.Publisher}, two mappers. */
    FLOW_STAGE_ORDERED(Fan.ONE, true, up -> List.of(reactive(FlowChannels.stageOrdered(flow(up), 2, v -> v))));

    /** The prefetch given to the operators that take one (limit: 6). */
    static final int PREFETCH = 8;

    /** How an operator's branches share the values. */
    enum Fan {
        /** One output. */
        ONE,
        /**
         * Every branch gets every value (tee). A cancelled branch is dropped and the others go on; upstream is
         * cancelled once every branch is.
         */
        COPIES,
        /**
         * Each value goes to exactly one branch (fan-out). A branch's cancel cancels the fan-out: upstream is
         * cancelled and the other branches end with ContextDoneException.
         */
        SPLIT
    }

    final Fan fan;
    /** Whether each output (branch) keeps the upstream's order. */
    final boolean ordered;
    private final Function<Publisher<Integer>, List<Publisher<Integer>>> outputs;

    Operator(Fan fan, boolean ordered, Function<Publisher<Integer>, List<Publisher<Integer>>> outputs) {
        this.fan = fan;
        this.ordered = ordered;
        this.outputs = outputs;
    }

    private static void identity(ReceiveChannel<Integer> in, SendChannel<Integer> out) throws InterruptedException {
        for (Integer v : in) {
            out.send(v);
        }
    }

    /** Applies the operator to {@code upstream} and subscribes a Recorder that requests nothing to each branch. */
    Observed attach(Publisher<Integer> upstream) {
        return attach(upstream, branch -> new Recorder());
    }

    /** Applies the operator to {@code upstream} and subscribes {@code recorderFor.apply(i)} to branch {@code i}. */
    Observed attach(Publisher<Integer> upstream, IntFunction<Recorder> recorderFor) {
        List<Publisher<Integer>> outs = outputs.apply(upstream);
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            Recorder r = recorderFor.apply(i);
            recorders.add(r);
            outs.get(i).subscribe(r);
        }
        return new Observed(this, recorders);
    }

    /** The number of branches. */
    int branches() {
        return fan == Fan.ONE ? 1 : 2;
    }

    /** An operator's branches, each watched by a Recorder. */
    static final class Observed {
        final Operator op;
        final List<Recorder> branches;

        Observed(Operator op, List<Recorder> branches) {
            this.op = op;
            this.branches = List.copyOf(branches);
        }

        Recorder branch(int i) {
            return branches.get(i);
        }

        void requestAll(long n) {
            branches.forEach(r -> r.subscription.request(n));
        }

        /**
         * Cancels the output as a user would: every branch, but for a fan-out only the first, for one
         * branch's cancel cancels the fan-out.
         *
         * @return the branches that were cancelled
         */
        List<Recorder> cancel() {
            List<Recorder> cancelled = op.fan == Fan.SPLIT ? branches.subList(0, 1) : branches;
            cancelled.forEach(r -> r.subscription.cancel());
            return cancelled;
        }

        void awaitTerminals() throws InterruptedException {
            for (Recorder r : branches) {
                r.awaitTerminal();
            }
        }

        /** How many values the branches got, all together. */
        int received() {
            return branches.stream().mapToInt(r -> r.values.size()).sum();
        }

        /**
         * The branches together got exactly {@code expected}, each value once (every branch each value, for a
         * tee), each branch in upstream order where the operator keeps it.
         */
        void assertDelivered(List<Integer> expected) {
            if (op.fan == Fan.SPLIT) {
                List<Integer> all = new ArrayList<>();
                for (Recorder r : branches) {
                    assertInOrder(r.values);
                    all.addAll(r.values);
                }
                assertThat(all).as("every value once, in one branch").containsExactlyInAnyOrderElementsOf(expected);
                return;
            }
            for (Recorder r : branches) {
                if (op.ordered) {
                    assertThat(r.values).as("every value once, in order").containsExactlyElementsOf(expected);
                } else {
                    assertThat(r.values).as("every value once").containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }

        /** Each value at most once, in order where the operator keeps it. */
        void assertNoDuplicates() {
            List<Integer> all = new ArrayList<>();
            for (Recorder r : branches) {
                assertInOrder(r.values);
                all.addAll(r.values);
            }
            if (op.fan == Fan.COPIES) {
                branches.forEach(r -> assertThat(r.values).doesNotHaveDuplicates());
            } else {
                assertThat(all).doesNotHaveDuplicates();
            }
        }

        private void assertInOrder(List<Integer> values) {
            if (op.ordered) {
                assertThat(values).as("upstream order").isSorted();
            }
        }

        /** Every branch got exactly one terminal signal, onError with a {@code type}. */
        void assertEachFailedWith(Class<? extends Throwable> type) {
            for (Recorder r : branches) {
                assertThat(r.terminals).as("one terminal signal (§1.7)").hasValue(1);
                assertThat(r.error).isInstanceOf(type);
            }
        }

        /** Every branch got exactly one terminal signal, onError with {@code error} itself. */
        void assertEachFailedWithSame(Throwable error) {
            for (Recorder r : branches) {
                assertThat(r.terminals).as("one terminal signal (§1.7)").hasValue(1);
                assertThat(r.error).isSameAs(error);
            }
        }

        /** Every branch got exactly one terminal signal, onComplete. */
        void assertEachCompleted() {
            for (Recorder r : branches) {
                assertThat(r.terminals).as("one terminal signal (§1.7)").hasValue(1);
                assertThat(r.completed).as("completed, error: %s", r.error).isTrue();
            }
        }
    }
}
