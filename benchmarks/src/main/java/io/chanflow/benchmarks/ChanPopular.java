package io.chanflow.benchmarks;

import static io.chanflow.Go.select;

import com.softwaremill.jox.Select;
import io.chanflow.Channel;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Go's BenchmarkChanPopular: 1000 goroutines each loop {@code select { case <-c: case <-d: }} on a shared
 * channel c that is never ready and their own unbuffered channel d; the main goroutine sends once on every
 * d per round. Every select leaves a waiter on c and must remove it when d wins. An item is one round
 * (1000 sends and 1000 selects), as in Go's ns/op.
 */
public class ChanPopular extends Bench {
    static final int ROUNDS = 200;
    static final int GOROUTINES = 1000;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        return Group.onVirtualThread(() -> chanflowMain(items));
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        return Group.onVirtualThread(() -> joxMain(items));
    }

    private static long chanflowMain(Items items) throws Exception {
        int rounds = Size.of(ROUNDS);
        Channel<Boolean> c = Channel.make();
        List<Channel<Boolean>> a = new ArrayList<>();
        Group g = new Group();
        for (int j = 0; j < GOROUTINES; j++) {
            Channel<Boolean> d = Channel.make();
            a.add(d);
            g.start(() -> {
                for (int i = 0; i < rounds; i++) {
                    select(c.onReceive(v -> 0), d.onReceive(v -> 1));
                }
            });
        }
        for (int i = 0; i < rounds; i++) {
            for (Channel<Boolean> d : a) {
                d.send(true);
            }
        }
        g.join();
        items.items += rounds;
        return rounds;
    }

    private static long joxMain(Items items) throws Exception {
        int rounds = Size.of(ROUNDS);
        com.softwaremill.jox.Channel<Boolean> c = com.softwaremill.jox.Channel.newRendezvousChannel();
        List<com.softwaremill.jox.Channel<Boolean>> a = new ArrayList<>();
        Group g = new Group();
        for (int j = 0; j < GOROUTINES; j++) {
            com.softwaremill.jox.Channel<Boolean> d = com.softwaremill.jox.Channel.newRendezvousChannel();
            a.add(d);
            g.start(() -> {
                for (int i = 0; i < rounds; i++) {
                    Select.select(c.receiveClause(v -> 0), d.receiveClause(v -> 1));
                }
            });
        }
        for (int i = 0; i < rounds; i++) {
            for (com.softwaremill.jox.Channel<Boolean> d : a) {
                d.send(true);
            }
        }
        g.join();
        items.items += rounds;
        return rounds;
    }
}
