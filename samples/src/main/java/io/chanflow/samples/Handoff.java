package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.PrintStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Unbuffered hand-off: ping-pong between two goroutines over two unbuffered channels. Deterministic:
 * each side prints only between a receive and the next send, and an unbuffered send waits for its
 * receiver, so the lines strictly alternate. The reactive forms hand each value to another thread and
 * wait for the answer before asking for the next ({@code concatMap}).
 */
public final class Handoff implements Sample {
    @Override
    public String name() {
        return "handoff";
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<Integer> ping = Channel.make(), pong = Channel.make();
        go(() -> {
            for (int n : ping) {
                out.println("ping " + n);
                pong.send(n + 1); // returns only once main has taken it
            }
            pong.close();
        });
        for (int i = 0; i < 3; i++) {
            ping.send(i);
            out.println("pong " + pong.receive());
        }
        ping.close();
        pong.receiveOk(); // the player saw the close and closed pong: it is done
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.range(0, 3)
                .concatMap(n -> Mono.fromCallable(() -> {
                            out.println("ping " + n);
                            return n + 1;
                        })
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .doOnNext(n -> out.println("pong " + n))
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.range(0, 3)
                .concatMapSingle(n -> Single.fromCallable(() -> {
                            out.println("ping " + n);
                            return n + 1;
                        })
                        .subscribeOn(Schedulers.io()))
                .doOnNext(n -> out.println("pong " + n)) // on the thread that printed the ping
                .blockingLast();
    }
}
