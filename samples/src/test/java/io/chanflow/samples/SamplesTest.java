package io.chanflow.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every Java form of every sample prints exactly the output its Go original states. */
class SamplesTest {

    @TestFactory
    Stream<DynamicTest> everyFormPrintsTheGoOriginalsStatedOutput() {
        return Samples.ALL.stream().flatMap(sample -> Stream.of(Form.values()).map(form ->
                DynamicTest.dynamicTest(sample.name() + " / " + form.label(), () -> {
                    Form.Run run = form.capture(sample);
                    if (run.failure() != null) {
                        throw new AssertionError(sample.name() + " / " + form.label() + " failed", run.failure());
                    }
                    assertThat(run.output())
                            .as("%s / %s against the // Output: comment of samples/%s",
                                    sample.name(), form.label(), sample.goOriginal())
                            .containsExactlyElementsOf(sample.expectedOutput());
                })));
    }

    @Test
    void everyGoOriginalHasItsJavaFormsAndStatesAnOutput() throws IOException {
        List<String> goPatterns;
        try (Stream<Path> dirs = Files.list(Path.of("go"))) {
            goPatterns = dirs.filter(d -> Files.exists(d.resolve("main.go")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(Samples.ALL).extracting(Sample::name).containsExactlyInAnyOrderElementsOf(goPatterns);
        for (Sample sample : Samples.ALL) {
            assertThat(sample.expectedOutput()).as(sample.name()).isNotEmpty();
        }
    }

    @Test
    void outputCommentIsReadLikeGoTestableExamples() {
        String go = """
                // Doc.
                //
                // Output:
                // a b
                //
                // c
                package main
                // not part of it
                """;
        assertThat(Sample.outputComment(go)).containsExactly("a b", "", "c");
    }
}
