package io.chanflow.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The three Java forms of a sample, and how to run one and capture what it prints. */
public enum Form {
    /** Chanflow channels, goroutines and select: the form that reads like Go. */
    CHANNELS("channels"),
    /** Reactor. */
    REACTOR("reactor"),
    /** RxJava 3. */
    RX("rx");

    /** How long one form of one sample may run before it counts as hung. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String label;

    Form(String label) {
        this.label = label;
    }

    /**
     * The name printed in reports.
     *
     * @return a short lower-case name
     */
    public String label() {
        return label;
    }

    /**
     * Runs this form of {@code sample}, printing to {@code out}.
     *
     * @param sample the sample
     * @param out where it prints
     * @throws Exception whatever the sample throws
     */
    public void run(Sample sample, PrintStream out) throws Exception {
        switch (this) {
            case CHANNELS -> sample.channels(out);
            case REACTOR -> sample.reactor(out);
            case RX -> sample.rx(out);
        }
    }

    /**
     * Runs this form of {@code sample} on a fresh thread, capturing what it prints and timing it.
     *
     * @param sample the sample
     * @return the captured run; a failure or a timeout is recorded in it, not thrown
     * @throws InterruptedException if interrupted while waiting
     */
    public Run capture(Sample sample) throws InterruptedException {
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var failure = new AtomicReference<Throwable>();
        long start = System.nanoTime();
        Thread runner = Thread.ofPlatform().daemon().name("sample-" + sample.name() + "-" + label).start(() -> {
            try {
                run(sample, out);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        boolean finished = runner.join(TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            runner.interrupt();
            failure.compareAndSet(null, new IllegalStateException("timed out after " + TIMEOUT));
        }
        out.flush();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        return new Run(sample, this, lines, took, failure.get());
    }

    /**
     * One run of one form of a sample.
     *
     * @param sample the sample
     * @param form the form
     * @param output what it printed, line by line
     * @param took its wall time
     * @param failure what it threw, or {@code null}
     */
    public record Run(Sample sample, Form form, List<String> output, Duration took, Throwable failure) {}
}
