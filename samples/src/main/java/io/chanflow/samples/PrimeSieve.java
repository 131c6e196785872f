package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import reactor.core.publisher.Flux;

/**
 * Concurrent prime sieve: a generator goroutine and, per prime found, a filter goroutine removing its
 * multiples. As in Go, the goroutines are left blocked at the end (here: parked virtual threads). The
 * reactive forms build the same chain of filters by recursion: take the first number (a prime), then
 * sieve the rest without its multiples ({@code switchOnFirst} in Reactor, {@code publish} in RxJava).
 */
public final class PrimeSieve implements Sample {
    @Override
    public String name() {
        return "prime-sieve";
    }

    static void generate(SendChannel<Integer> ch) throws InterruptedException {
        for (int i = 2; ; i++) {
            ch.send(i);
        }
    }

    static void filter(ReceiveChannel<Integer> in, SendChannel<Integer> out, int prime) throws InterruptedException {
        while (true) {
            int i = in.receive();
            if (i % prime != 0) {
                out.send(i);
            }
        }
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<Integer> numbers = Channel.make();
        go(() -> generate(numbers));
        ReceiveChannel<Integer> ch = numbers;
        for (int i = 0; i < 10; i++) {
            int prime = ch.receive();
            out.println(prime);
            Channel<Integer> ch1 = Channel.make();
            ReceiveChannel<Integer> in = ch;
            go(() -> filter(in, ch1, prime));
            ch = ch1;
        }
    }

    static Flux<Integer> sieve(Flux<Integer> numbers) {
        return numbers.switchOnFirst((first, all) -> {
            int prime = first.get();
            return Flux.just(prime).concatWith(sieve(all.skip(1).filter(i -> i % prime != 0)));
        });
    }

    @Override
    public void reactor(PrintStream out) {
        sieve(Flux.range(2, Integer.MAX_VALUE - 2))
                .take(10)
                .doOnNext(out::println)
                .blockLast();
    }

    static Flowable<Integer> sieve(Flowable<Integer> numbers) {
        return numbers.publish(all -> all.take(1).concatMap(prime ->
                Flowable.just(prime).concatWith(sieve(all.filter(i -> i % prime != 0)))));
    }

    @Override
    public void rx(PrintStream out) {
        sieve(Flowable.range(2, Integer.MAX_VALUE - 2))
                .take(10)
                .blockingForEach(out::println);
    }
}
