package io.chanflow.samples;

import static io.chanflow.Go.after;
import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.reactivex.rxjava3.core.Single;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Timeouts with select: a result channel races a timer case. Deterministic up to a 10x margin: a 200ms
 * call against a 20ms timeout, then a 1ms call against 200ms. The reactive forms use {@code timeout} with
 * a fallback.
 */
public final class Timeouts implements Sample {
    @Override
    public String name() {
        return "timeouts";
    }

    static ReceiveChannel<String> call(String name, Duration took) {
        Channel<String> c = Channel.make(1); // buffered: a call nobody waits for any more can still finish
        go(() -> {
            Thread.sleep(took);
            c.send("result " + name);
        });
        return c;
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        select(
                call("1", Duration.ofMillis(200)).onReceiveDo(res -> out.println(res)),
                after(Duration.ofMillis(20), () -> out.println("timeout 1")));

        select(
                call("2", Duration.ofMillis(1)).onReceiveDo(res -> out.println(res)),
                after(Duration.ofMillis(200), () -> out.println("timeout 2")));
    }

    @Override
    public void reactor(PrintStream out) {
        out.println(Mono.delay(Duration.ofMillis(200)).thenReturn("result 1")
                .timeout(Duration.ofMillis(20), Mono.just("timeout 1"))
                .block());
        out.println(Mono.delay(Duration.ofMillis(1)).thenReturn("result 2")
                .timeout(Duration.ofMillis(200), Mono.just("timeout 2"))
                .block());
    }

    @Override
    public void rx(PrintStream out) {
        out.println(Single.timer(200, TimeUnit.MILLISECONDS).map(t -> "result 1")
                .timeout(20, TimeUnit.MILLISECONDS, Single.just("timeout 1"))
                .blockingGet());
        out.println(Single.timer(1, TimeUnit.MILLISECONDS).map(t -> "result 2")
                .timeout(200, TimeUnit.MILLISECONDS, Single.just("timeout 2"))
                .blockingGet());
    }
}
