package io.chanflow.samples;

import static io.chanflow.Go.afterFunc;
import static io.chanflow.Go.go;
import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;

import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.reactivex.rxjava3.core.Single;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Or-channel: one done channel that closes when any of several does, built by recursion over up to three
 * channels plus the or of the rest. Deterministic: only the 10ms signal can have closed. The reactive forms
 * race the signals with {@code firstWithSignal}/{@code amb}, which cancels the losers.
 */
public final class OrChannel implements Sample {
    @Override
    public String name() {
        return "or-channel";
    }

    static Done or(Done... channels) {
        switch (channels.length) {
            case 0:
                return DoneChannel.make().done(); // never closes, like Go's nil channel
            case 1:
                return channels[0];
            default:
                break;
        }
        DoneChannel orDone = DoneChannel.make();
        go(() -> {
            try {
                if (channels.length == 2) {
                    select(
                            channels[0].onDone(() -> {}),
                            channels[1].onDone(() -> {}));
                } else {
                    Done[] rest = Arrays.copyOfRange(channels, 3, channels.length + 1);
                    rest[rest.length - 1] = orDone.done();
                    select(
                            channels[0].onDone(() -> {}),
                            channels[1].onDone(() -> {}),
                            channels[2].onDone(() -> {}),
                            or(rest).onDone(() -> {}));
                }
            } finally {
                orDone.close();
            }
        });
        return orDone.done();
    }

    static Done signal(Duration after) {
        DoneChannel c = DoneChannel.make();
        afterFunc(after, c::close);
        return c.done();
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        List<Done> signals = List.of(signal(Duration.ofHours(1)), signal(Duration.ofMinutes(1)),
                signal(Duration.ofMillis(10)));
        or(signals.toArray(Done[]::new)).await();
        for (int i = 0; i < signals.size(); i++) {
            String state = select(
                    signals.get(i).onDone(() -> "closed"),
                    otherwise(() -> "open"));
            out.printf("signal %d: %s%n", i, state);
        }
    }

    @Override
    public void reactor(PrintStream out) {
        int first = Mono.firstWithSignal(
                        Mono.delay(Duration.ofHours(1)).thenReturn(0),
                        Mono.delay(Duration.ofMinutes(1)).thenReturn(1),
                        Mono.delay(Duration.ofMillis(10)).thenReturn(2))
                .block();
        for (int i = 0; i < 3; i++) {
            out.printf("signal %d: %s%n", i, i == first ? "closed" : "open");
        }
    }

    @Override
    public void rx(PrintStream out) {
        int first = Single.amb(List.of(
                        Single.timer(1, TimeUnit.HOURS).map(t -> 0),
                        Single.timer(1, TimeUnit.MINUTES).map(t -> 1),
                        Single.timer(10, TimeUnit.MILLISECONDS).map(t -> 2)))
                .blockingGet();
        for (int i = 0; i < 3; i++) {
            out.printf("signal %d: %s%n", i, i == first ? "closed" : "open");
        }
    }
}
