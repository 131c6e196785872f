package io.chanflow.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.LeakCheckExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the {@link Soak} for {@code -Dsoak.seconds} (60 by default: issue 7 asks for 60 s in CI with zero
 * losses), with {@code -Dsoak.seed} (else one from the clock, printed), {@code -Dsoak.channels} (16) and
 * {@code -Dsoak.goroutines} (64). Reproduce a failure with the seed it printed.
 */
@ExtendWith(LeakCheckExtension.class)
class SoakTest {

    @Test
    void everyValueReportedSentIsReceivedExactlyOnceAndNoneReportedNotSentIsEver() throws Exception {
        Soak.Config config = new Soak.Config(
                Duration.ofSeconds(Long.getLong("soak.seconds", 60)),
                Long.getLong("soak.seed", System.nanoTime()),
                Integer.getInteger("soak.channels", 16),
                Integer.getInteger("soak.goroutines", 64));

        Soak.Report r = Soak.run(config);

        assertThat(r.losses()).as("losses (seed %d)\n%s", config.seed(), r).isZero();
        assertThat(r.duplicates()).as("duplicates (seed %d)\n%s", config.seed(), r).isZero();
        assertThat(r.leakedGoroutines()).as("goroutines left blocked (seed %d)\n%s", config.seed(), r).isZero();
        assertThat(r.ok()).as("soak verdict (seed %d)\n%s", config.seed(), r).isTrue();
        assertThat(r.counts().get(Soak.Count.VALUES)).as("the soak did some work").isPositive();
    }
}
