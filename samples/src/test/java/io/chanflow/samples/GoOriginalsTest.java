package io.chanflow.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each Go original and checks it prints what its own {@code // Output:} comment says (which is what
 * the Java forms are held to). Skipped, saying how to enable it, when {@code go} is not on the PATH.
 *
 * <p>All originals are built with one {@code go build ./...} (much faster than one {@code go run} each),
 * then each binary is run.
 */
class GoOriginalsTest {
    private static final Path GO_DIR = Path.of("go");
    private static final long BUILD_TIMEOUT_SECONDS = 300;
    private static final long RUN_TIMEOUT_SECONDS = 60;

    @TempDir
    static Path bin;

    private static boolean goAvailable;
    private static String buildFailure;

    @BeforeAll
    static void buildAll() throws Exception {
        goAvailable = run(List.of("go", "version"), GO_DIR, 60) != null;
        if (!goAvailable) {
            return;
        }
        Result build = run(List.of("go", "build", "-o", bin.toAbsolutePath() + "/", "./..."), GO_DIR,
                BUILD_TIMEOUT_SECONDS);
        if (build.exit() != 0) {
            buildFailure = build.output();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoOriginalPrintsItsStatedOutput() {
        return Samples.ALL.stream().map(sample -> DynamicTest.dynamicTest("go run ./" + sample.name(), () -> {
            assumeTrue(goAvailable, "go is not on the PATH, so the Go originals are not run: "
                    + "apt-get install golang-go (Go 1.19 or newer) to enable this test");
            assertThat(buildFailure).as("go build ./... in samples/go").isNull();
            Result r = run(List.of(bin.resolve(sample.name()).toString()), GO_DIR, RUN_TIMEOUT_SECONDS);
            assertThat(r.exit()).as("exit status of %s; it printed:%n%s", sample.name(), r.output()).isZero();
            assertThat(r.output().lines().toList())
                    .as("go run ./%s against its // Output: comment", sample.name())
                    .containsExactlyElementsOf(sample.expectedOutput());
        }));
    }

    private record Result(int exit, String output) {}

    /** Runs a command; {@code null} if it cannot be started at all (not installed). */
    private static Result run(List<String> command, Path dir, long timeoutSeconds) throws Exception {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GOTOOLCHAIN", "local"); // never download a toolchain
        pb.environment().put("GOPROXY", "off"); // standard library only: nothing to download
        pb.environment().put("GOFLAGS", "-mod=mod");
        Process p;
        try {
            p = pb.start();
        } catch (IOException notInstalled) {
            return null;
        }
        Path log = Files.createTempFile("go-output", ".txt");
        try {
            var copier = Thread.ofVirtual().start(() -> {
                try (var in = p.getInputStream()) {
                    Files.write(log, in.readAllBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            copier.join();
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
