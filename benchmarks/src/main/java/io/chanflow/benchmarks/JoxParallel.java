package io.chanflow.benchmarks;

/**
 * Jox's ParallelBenchmark with 10 000 pairs, unbuffered: 10 000 (sender, receiver) pairs of virtual threads,
 * each pair on its own channel, 10M send-receive pairs per batch in total (1000 per pair); an item is one
 * pair.
 */
public class JoxParallel extends PipeBench {
    static final int OPERATIONS = 10_000_000;
    static final int PAIRS = 10_000;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        int perPair = Size.of(OPERATIONS / PAIRS);
        Group g = new Group();
        for (int t = 0; t < PAIRS; t++) {
            Pipe ch = impl.make(0);
            g.start(() -> {
                for (int i = 0; i < perPair; i++) {
                    ch.send(91);
                }
            });
            g.start(() -> {
                for (int i = 0; i < perPair; i++) {
                    ch.receive();
                }
            });
        }
        g.join();
        items.items += (long) perPair * PAIRS;
        return perPair;
    }
}
