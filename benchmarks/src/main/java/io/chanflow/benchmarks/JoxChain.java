package io.chanflow.benchmarks;

/**
 * Jox's ChainedBenchmark with 10 000 unbuffered channels: a chain of 10 001 virtual threads; the first sends
 * n values into channel 0, thread t forwards from channel t-1 to channel t, the last receives. 10M
 * send-receive pairs per batch (1000 values through each channel); an item is one pair.
 */
public class JoxChain extends PipeBench {
    static final int OPERATIONS = 10_000_000;
    static final int CHANNELS = 10_000;

    @Override
    long run(Pipe.Factory impl, Items items) throws Exception {
        int elements = Size.of(OPERATIONS / CHANNELS);
        Pipe[] channels = new Pipe[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            channels[i] = impl.make(0);
        }
        Group g = new Group();
        g.start(() -> {
            for (int i = 0; i < elements; i++) {
                channels[0].send(63);
            }
        });
        for (int t = 1; t < CHANNELS; t++) {
            Pipe in = channels[t - 1];
            Pipe out = channels[t];
            g.start(() -> {
                for (int i = 0; i < elements; i++) {
                    out.send(in.receive());
                }
            });
        }
        long[] sum = new long[1];
        g.start(() -> {
            for (int i = 0; i < elements; i++) {
                sum[0] += channels[CHANNELS - 1].receive();
            }
        });
        g.join();
        items.items += (long) elements * CHANNELS;
        return sum[0];
    }
}
