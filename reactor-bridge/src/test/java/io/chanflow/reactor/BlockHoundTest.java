package io.chanflow.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.Go;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * No bridge blocks a Reactor non-blocking thread: every request, cancel and onNext that Reactor makes on
 * a bridge from a {@code Schedulers.parallel()} thread runs under BlockHound, which fails the stream with
 * {@code BlockingOperationError} on any blocking call there.
 *
 * <p>No allowance for the channel engine: its non-blocking operations ({@code trySend}, {@code close},
 * {@code tryReceive}) take the channel's lock by a plain test-and-set spin, with no {@code Thread.onSpinWait}
 * and no park, so BlockHound sees nothing blocking in them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockHoundTest {
    @BeforeAll
    static void installBlockHound() {
        BlockHound.install();
    }

    @Test
    void blockHoundIsInstalledAndCatchesBlockingOnParallelThreads() {
        Mono<String> blocking = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "";
        }).subscribeOn(Schedulers.parallel());
        assertThatThrownBy(blocking::block).hasMessageContaining("Blocking call");
    }

    @Test
    void aChannelFluxRequestedAndCancelledFromParallelThreadsNeverBlocksThem() {
        Channel<Integer> ch = Channel.make(16);
        CancelContext producer = Context.withCancel(Context.background());
        Go.go(() -> {
            try {
                for (int i = 0; ; i++) {
                    producer.send(ch, i);
                }
            } catch (ContextDoneException stopped) {
                // take(2_000) cancelled the flux, which cancelled the producer
            }
        });
        List<Integer> got = ChanFlux.from(ch, producer)
                .subscribeOn(Schedulers.parallel())
                .publishOn(Schedulers.parallel(), 4)
                .take(2_000)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(got).hasSize(2_000);
    }

    @Test
    void aFluxPouredIntoAChannelFromParallelThreadsNeverBlocksThem() throws Exception {
        ReceiveChannel<Integer> ch = ChanFlux.toChannel(
                Flux.range(0, 20_000).publishOn(Schedulers.parallel(), 8), 16);
        long count = 0;
        for (Integer ignored : ch) {
            count++;
        }
        assertThat(count).isEqualTo(20_000);
    }

    @Test
    void aStageBetweenParallelThreadsNeverBlocksThem() {
        List<Integer> got = Flux.range(0, 10_000)
                .publishOn(Schedulers.parallel(), 8)
                .transform(ChanFlux.stage(4, (ReceiveChannel<Integer> in, SendChannel<Integer> out) -> {
                    for (Integer x : in) {
                        out.send(x + 1);
                    }
                }))
                .publishOn(Schedulers.parallel(), 8)
                .collectList()
                .block(Duration.ofSeconds(20));
        assertThat(got).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 10_000).boxed().toList());
    }

    @Test
    void teeAndBridgeOnParallelThreadsNeverBlockThem() {
        var two = ChanFlux.tee(Flux.range(0, 5_000).publishOn(Schedulers.parallel(), 8));
        Long total = Flux.merge(two.getT1().publishOn(Schedulers.parallel()), two.getT2().publishOn(Schedulers.parallel()))
                .count()
                .block(Duration.ofSeconds(20));
        assertThat(total).isEqualTo(10_000);

        Flux<Flux<Integer>> pages = Flux.range(0, 50).map(p -> Flux.range(p * 100, 100).publishOn(Schedulers.parallel()));
        List<Integer> flat = ChanFlux.bridge(pages.publishOn(Schedulers.parallel()))
                .publishOn(Schedulers.parallel())
                .collectList()
                .block(Duration.ofSeconds(20));
        assertThat(flat).isEqualTo(IntStream.range(0, 5_000).boxed().toList());
    }
}
