package io.chanflow.benchmarks;

import static io.chanflow.Go.select;

import com.softwaremill.jox.ChannelDone;
import com.softwaremill.jox.Select;
import com.softwaremill.jox.SelectClause;
import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * W4: a select loop over 4 channels, each fed by one producer of n values that then closes its channel. The
 * loop receives from whichever is ready; a receive that reports closed disables its case, as Go code sets the
 * channel variable to nil (Chanflow: {@link Channel#nil()}); the loop ends when all 4 are closed. An item is
 * one value received. Issue 6: 1M values per producer; capacity 0 (W4a) and 128 (W4b). The JDK has no select.
 */
public class W4SelectLoop extends Bench {
    static final int PER_PRODUCER = 1_000_000;
    static final int CHANNELS = 4;

    @Param({"0", "128"})
    public int capacity;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        return Group.onVirtualThread(() -> chanflowMain(capacity, items));
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        return Group.onVirtualThread(() -> joxMain(capacity, items));
    }

    private static long chanflowMain(int capacity, Items items) throws Exception {
        int n = Size.of(PER_PRODUCER);
        List<Channel<Integer>> made = new ArrayList<>();
        Group producers = new Group();
        for (int k = 0; k < CHANNELS; k++) {
            Channel<Integer> ch = Channel.make(capacity);
            made.add(ch);
            producers.start(() -> {
                for (int i = 0; i < n; i++) {
                    ch.send(i);
                }
                ch.close();
            });
        }
        ReceiveChannel<Integer> c0 = made.get(0);
        ReceiveChannel<Integer> c1 = made.get(1);
        ReceiveChannel<Integer> c2 = made.get(2);
        ReceiveChannel<Integer> c3 = made.get(3);
        long sum = 0;
        for (int open = CHANNELS; open > 0; ) {
            // A case body returns the value, or -1-k when channel k reports closed.
            int v = select(
                    c0.onReceiveOk(r -> r.ok() ? r.value() : -1),
                    c1.onReceiveOk(r -> r.ok() ? r.value() : -2),
                    c2.onReceiveOk(r -> r.ok() ? r.value() : -3),
                    c3.onReceiveOk(r -> r.ok() ? r.value() : -4));
            if (v >= 0) {
                sum += v;
                continue;
            }
            open--;
            switch (v) {
                case -1 -> c0 = Channel.nil();
                case -2 -> c1 = Channel.nil();
                case -3 -> c2 = Channel.nil();
                default -> c3 = Channel.nil();
            }
        }
        producers.join();
        return finish(sum, n, items);
    }

    /**
     * Jox's select reports {@link ChannelDone} when a clause's channel is done, without saying which: the
     * loop then drops every channel that is done for receiving, and selects over the rest.
     */
    private static long joxMain(int capacity, Items items) throws Exception {
        int n = Size.of(PER_PRODUCER);
        List<com.softwaremill.jox.Channel<Integer>> open = new ArrayList<>();
        Group producers = new Group();
        for (int k = 0; k < CHANNELS; k++) {
            com.softwaremill.jox.Channel<Integer> ch = capacity == 0
                    ? com.softwaremill.jox.Channel.newRendezvousChannel()
                    : com.softwaremill.jox.Channel.newBufferedChannel(capacity);
            open.add(ch);
            producers.start(() -> {
                for (int i = 0; i < n; i++) {
                    ch.send(i);
                }
                ch.done();
            });
        }
        long sum = 0;
        while (!open.isEmpty()) {
            @SuppressWarnings("unchecked")
            SelectClause<Integer>[] clauses = new SelectClause[open.size()];
            for (int k = 0; k < clauses.length; k++) {
                clauses[k] = open.get(k).receiveClause();
            }
            Object r = Select.selectOrClosed(clauses);
            if (r instanceof ChannelDone) {
                open.removeIf(ch -> ch.closedForReceive() != null);
            } else {
                sum += (Integer) r;
            }
        }
        producers.join();
        return finish(sum, n, items);
    }

    private static long finish(long sum, int n, Items items) {
        Check.sum(sum, CHANNELS * ((long) n * (n - 1) / 2));
        items.items += (long) CHANNELS * n;
        return sum;
    }
}
