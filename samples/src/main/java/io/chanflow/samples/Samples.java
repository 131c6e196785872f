package io.chanflow.samples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the samples.
 *
 * <ul>
 *   <li>No argument: runs every sample in every form and prints a report: per pattern, whether the three
 *       Java forms printed the same thing as each other and as the Go original's {@code // Output:} comment,
 *       and each form's wall time.</li>
 *   <li>Pattern names as arguments: prints those patterns' output in each form.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl samples -am compile exec:java                             # the report
 * ./mvnw -q -pl samples -am compile exec:java -Dexec.args=pipeline        # one pattern
 * </pre>
 */
public final class Samples {
    private Samples() {}

    /** Every sample, in the order of the issue that lists them. */
    public static final List<Sample> ALL = List.of(
            new Handoff(),
            new ProducerConsumer(),
            new Generator(),
            new Pipeline(),
            new FanOutFanIn(),
            new WorkerPool(),
            new BoundedParallelism(),
            new Tee(),
            new Bridge(),
            new OrDone(),
            new OrChannel(),
            new Timeouts(),
            new GracefulShutdown(),
            new ErrGroupSample(),
            new WeightedSemaphore(),
            new RateLimit(),
            new Batching(),
            new Heartbeat(),
            new PubSub(),
            new RequestResponse(),
            new CircuitBreaker(),
            new RetryBackoff(),
            new PrimeSieve(),
            new PowerSeries(),
            new DaisyChain());

    /**
     * Entry point.
     *
     * @param args pattern names, or nothing for the full report
     * @throws InterruptedException if interrupted
     * @throws IllegalStateException if some form's output differs (so the command fails); no
     *     {@code System.exit}, since {@code exec:java} runs inside Maven's JVM
     * @throws IllegalArgumentException for an unknown pattern name
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (args.length == 0) {
            if (!report(out)) {
                throw new IllegalStateException("some samples' forms printed different outputs (see above)");
            }
            return;
        }
        for (String name : args) {
            Sample sample = byName(name);
            if (sample == null) {
                throw new IllegalArgumentException("no sample named '" + name + "'; the samples are: "
                        + ALL.stream().map(Sample::name).collect(Collectors.joining(", ")));
            }
            show(sample, out);
        }
    }

    /**
     * The sample called {@code name}.
     *
     * @param name a pattern name
     * @return the sample, or {@code null}
     */
    public static Sample byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Prints one sample's output in each form. */
    private static void show(Sample sample, PrintStream out) throws InterruptedException {
        out.println("== " + sample.name() + " (Go original: samples/" + sample.goOriginal() + ")");
        for (Form form : Form.values()) {
            Form.Run run = form.capture(sample);
            out.println("-- " + form.label() + " (" + millis(run) + ")");
            run.output().forEach(out::println);
            if (run.failure() != null) {
                out.println("!! failed: " + run.failure());
            }
        }
        out.println();
    }

    /** Runs everything and prints the table; returns whether every pattern's forms agree with Go. */
    private static boolean report(PrintStream out) throws InterruptedException {
        String row = "%-22s %-10s %10s %10s %10s%n";
        out.printf(row, "pattern", "outputs", "channels", "reactor", "rx");
        out.printf(row, "-".repeat(22), "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(10));
        List<String> problems = new ArrayList<>();
        for (Sample sample : ALL) {
            List<String> expected = sample.expectedOutput();
            List<Form.Run> runs = new ArrayList<>();
            for (Form form : Form.values()) {
                runs.add(form.capture(sample));
            }
            boolean agree = true;
            for (Form.Run run : runs) {
                if (run.failure() != null || !run.output().equals(expected)) {
                    agree = false;
                    problems.add(sample.name() + " / " + run.form().label() + ": "
                            + (run.failure() != null ? "failed: " + run.failure() : "printed " + run.output()
                            + ", Go says " + expected));
                }
            }
            out.printf(row, sample.name(), agree ? "agree" : "DIFFER",
                    millis(runs.get(0)), millis(runs.get(1)), millis(runs.get(2)));
        }
        out.println();
        if (problems.isEmpty()) {
            out.println("All " + ALL.size() + " patterns print the same output in every form, "
                    + "and it is the output their Go original states.");
        } else {
            problems.forEach(p -> out.println("DIFFER " + p));
        }
        return problems.isEmpty();
    }

    private static String millis(Form.Run run) {
        return run.took().toMillis() + " ms";
    }
}
