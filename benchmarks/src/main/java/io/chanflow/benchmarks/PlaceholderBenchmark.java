package io.chanflow.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placeholder benchmark (a baseline to compare Chanflow channels against later):
 * single-threaded offer/poll on an {@link ArrayBlockingQueue}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PlaceholderBenchmark {

    private ArrayBlockingQueue<Integer> queue;

    /** Creates a fresh queue for each trial. */
    @Setup
    public void setUp() {
        queue = new ArrayBlockingQueue<>(16);
    }

    /**
     * One offer followed by one poll.
     *
     * @return the polled element (returned so it is not dead-code eliminated)
     */
    @Benchmark
    public Integer offerPoll() {
        queue.offer(42);
        return queue.poll();
    }
}
