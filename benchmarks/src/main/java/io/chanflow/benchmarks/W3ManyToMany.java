package io.chanflow.benchmarks;

/**
 * W3: 4 producers and 4 consumers on one buffered(128) channel. The producers send n/4 values each; when all
 * are done the channel is closed; each consumer ranges until closed; the sums are checked. An item is one
 * value. Issue 6: 10M ints in total per batch.
 */
public class W3ManyToMany extends PipeBench {
    static final int VALUES = 10_000_000;
    static final int PRODUCERS = 4;
    static final int CONSUMERS = 4;
    static final int CAPACITY = 128;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        Pipe ch = impl.make(CAPACITY);
        int perProducer = Size.of(VALUES / PRODUCERS);
        Group producers = new Group().start(PRODUCERS, p -> {
            for (int i = 0; i < perProducer; i++) {
                ch.send(i);
            }
        });
        long[] sums = new long[CONSUMERS];
        Group consumers = new Group().start(CONSUMERS, c -> sums[c] = ch.rangeSum());
        producers.join();
        ch.close();
        consumers.join();
        long sum = 0;
        for (long s : sums) {
            sum += s;
        }
        Check.sum(sum, PRODUCERS * ((long) perProducer * (perProducer - 1) / 2));
        items.items += (long) PRODUCERS * perProducer;
        return sum;
    }
}
