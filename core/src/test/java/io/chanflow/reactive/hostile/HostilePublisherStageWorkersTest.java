package io.chanflow.reactive.hostile;

import static io.chanflow.reactive.hostile.Peers.awaitStalled;
import static io.chanflow.reactive.hostile.Peers.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chanflow.Goroutines;
import io.chanflow.LeakCheckExtension;
import io.chanflow.reactive.hostile.Operator.Observed;
import io.chanflow.reactive.hostile.Peers.ScriptedPublisher;
import io.chanflow.testing.Recorder;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stage with two workers whose upstream breaks the protocol (§1.1 values beyond demand, §2.13 a null
 * signal) delivers every value requested before the violation, then onError, as for an upstream onError (the
 * control case). The hard moment, made deterministic: downstream requests one value at a time, each once the
 * stage is at rest, so at the end one worker holds a value it cannot send yet (the output buffer is full)
 * while the other finds the input closed with the error. The stage must wait for the first before it closes
 * its output (it once closed it at once, and that value was lost).
 */
@ExtendWith(LeakCheckExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostilePublisherStageWorkersTest {

    static Stream<Arguments> stagesAndProtocolErrors() {
        Consumer<ScriptedPublisher> beyondDemand = p -> p.next(p.emitted(), p.emitted() + 1);
        Consumer<ScriptedPublisher> onNextNull = ScriptedPublisher::nextNull;
        Consumer<ScriptedPublisher> onErrorNull = p -> p.error(null);
        Consumer<ScriptedPublisher> onError = p -> p.error(new IllegalStateException("boom"));
        return Stream.of(Operator.STAGE, Operator.FLOW_STAGE).flatMap(op -> Stream.of(
                Arguments.of(op, "§1.1 beyond demand", beyondDemand, IllegalStateException.class),
                Arguments.of(op, "§2.13 onNext(null)", onNextNull, NullPointerException.class),
                Arguments.of(op, "§2.13 onError(null)", onErrorNull, NullPointerException.class),
                Arguments.of(op, "control: onError(e)", onError, IllegalStateException.class)));
    }

    @DisplayName("a two-worker stage whose upstream breaks the protocol delivers every requested value once, then onError")
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("stagesAndProtocolErrors")
    void aTwoWorkerStageDeliversEveryRequestedValueBeforeAnUpstreamProtocolError(
            Operator op, String violation, Consumer<ScriptedPublisher> violate, Class<? extends Throwable> error)
            throws Exception {
        Goroutines.Snapshot before = Goroutines.snapshot();
        ScriptedPublisher p = new ScriptedPublisher();
        Observed o = op.attach(p);
        int requested = p.awaitSubscribed().fillDemand(before);
        catchThrowable(() -> violate.accept(p)); // a null signal also throws NullPointerException to the caller

        Recorder r = o.branch(0);
        while (r.terminals.get() == 0) {
            awaitStalled(before);
            r.subscription.request(1);
            awaitStalled(before);
        }

        assertThat(r.values).as("every value requested before the violation, once")
                .containsExactlyInAnyOrderElementsOf(range(0, requested));
        assertThat(r.error).isInstanceOf(error);
        assertThat(r.terminals).as("one terminal signal (§1.7)").hasValue(1);
    }
}
