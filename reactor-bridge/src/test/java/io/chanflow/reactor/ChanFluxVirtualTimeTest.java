package io.chanflow.reactor;

import io.chanflow.Goroutines;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Bridges and operators under {@link StepVerifier#withVirtualTime}: timers upstream run on Reactor's
 * virtual clock, the channels in between add no clock of their own, so an hour-long schedule is verified
 * without waiting for it. (Chanflow's own timers, {@code Go.after} and context deadlines, use the real
 * clock; virtual time reaches only the reactive side.)
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ChanFluxVirtualTimeTest {
    /**
     * One tick per virtual hour, one hour at a time: {@code interval} cannot be backpressured, and a channel
     * of 2 asks for 2 and refills only as values are taken, so jumping two hours at once would (rightly)
     * overflow it, as it would overflow {@code limitRate(2)}.
     */
    @Test
    void aChannelRoundTripOfAnIntervalEmitsOnTheVirtualSchedule() {
        StepVerifier.withVirtualTime(() -> ChanFlux.from(ChanFlux.toChannel(Flux.interval(Duration.ofHours(1)).take(3), 2)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(59))
                .thenAwait(Duration.ofMinutes(1))
                .expectNext(0L)
                .thenAwait(Duration.ofHours(1))
                .expectNext(1L)
                .thenAwait(Duration.ofHours(1))
                .expectNext(2L)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aStageOverDelayedElementsEmitsOnTheVirtualSchedule() {
        StepVerifier.withVirtualTime(() -> Flux.range(1, 3).delayElements(Duration.ofDays(1))
                        .transform(ChanFlux.stage(2, (ReceiveChannel<Integer> in, SendChannel<Integer> out) -> {
                            for (Integer x : in) {
                                out.send(x * 10);
                            }
                        })))
                .expectSubscription()
                .expectNoEvent(Duration.ofHours(23))
                .thenAwait(Duration.ofHours(1))
                .expectNext(10)
                .thenAwait(Duration.ofDays(2))
                .expectNext(20, 30)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aWorkerPoolBehindATimeoutFailsOnTheVirtualClock() {
        StepVerifier.withVirtualTime(() -> Flux.<Integer>never()
                        .transform(ChanFlux.<Integer, Integer>workerPool(2, 1, (ctx, job) -> job))
                        .timeout(Duration.ofMinutes(5)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(4))
                .thenAwait(Duration.ofMinutes(1))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(Duration.ofSeconds(10));
    }
}
