package io.chanflow.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * A workload written once against {@link Pipe} and run on Chanflow, Jox and a JDK queue: subclasses implement
 * {@link #run}, and JMH generates the three benchmarks below for each subclass (named after the subclass).
 */
public abstract class PipeBench extends Bench {

    /** Runs one batch on pipes made by {@code impl}; adds the items it performed; returns a checksum. */
    abstract long run(Pipe.Factory impl, Items items) throws Exception;

    @Benchmark
    public long chanflow(Items items) throws Exception {
        return run(Pipe::chanflow, items);
    }

    @Benchmark
    public long jox(Items items) throws Exception {
        return run(Pipe::jox, items);
    }

    /** {@link java.util.concurrent.SynchronousQueue} at capacity 0, else {@link java.util.concurrent.ArrayBlockingQueue}. */
    @Benchmark
    public long jdkQueue(Items items) throws Exception {
        return run(Pipe::jdkQueue, items);
    }
}
