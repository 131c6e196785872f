package io.chanflow.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One concurrency pattern, written three times: with Chanflow channels (reading line for line like the Go
 * original in {@code samples/go/<name>/main.go}), with Reactor, and with RxJava 3.
 *
 * <p>Every form prints to the stream it is given, and all three print exactly what the Go original states
 * under its {@code // Output:} comment. Where the pattern is concurrent, the output is made deterministic
 * (results are printed in a fixed order, or as an aggregate); each sample's Javadoc says how.
 */
public interface Sample {

    /**
     * The pattern's name, which is also the Go original's directory: {@code go run ./<name>}.
     *
     * @return a lower-case, dash-separated name
     */
    String name();

    /**
     * The form that reads like Go: Chanflow channels, goroutines and select.
     *
     * @param out where to print
     * @throws Exception if the sample fails
     */
    void channels(PrintStream out) throws Exception;

    /**
     * The Reactor form.
     *
     * @param out where to print
     * @throws Exception if the sample fails
     */
    void reactor(PrintStream out) throws Exception;

    /**
     * The RxJava 3 form.
     *
     * @param out where to print
     * @throws Exception if the sample fails
     */
    void rx(PrintStream out) throws Exception;

    /**
     * Where the Go original lives, relative to the samples module.
     *
     * @return {@code go/<name>/main.go}
     */
    default Path goOriginal() {
        return Path.of("go", name(), "main.go");
    }

    /**
     * The output the Go original states in its {@code // Output:} comment (read from the classpath, where
     * the build copies the Go sources).
     *
     * @return the expected output, one element per line
     */
    default List<String> expectedOutput() {
        String resource = "/go/" + name() + "/main.go";
        try (InputStream in = Sample.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no Go original on the classpath: " + resource);
            }
            return outputComment(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines of a Go source's {@code // Output:} comment, as in Go's testable examples: every
     * {@code //} line after it, up to the first line that is not a comment.
     *
     * @param goSource the Go source
     * @return the stated output, one element per line
     */
    static List<String> outputComment(String goSource) {
        List<String> lines = goSource.lines().toList();
        int start = lines.indexOf("// Output:");
        if (start < 0) {
            throw new IllegalArgumentException("no \"// Output:\" comment");
        }
        List<String> output = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("//")) {
                break;
            }
            output.add(line.startsWith("// ") ? line.substring(3) : line.substring(2));
        }
        return output;
    }

    /**
     * Formats values the way Go's {@code fmt.Println} formats a slice: {@code [1 2 3]}.
     *
     * @param values the values
     * @return the Go rendering
     */
    static String slice(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }
}
