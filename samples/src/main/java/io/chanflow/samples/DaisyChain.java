package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.io.PrintStream;
import reactor.core.publisher.Sinks;

/**
 * Daisy chain of 100,000 goroutines, each passing on one more than it receives; with virtual threads this
 * is as cheap as in Go. The reactive forms chain 100,000 one-shot sinks, each subscribed to its right
 * neighbour; every hop goes through a scheduler ({@code publishOn}/{@code observeOn}), since 100,000
 * nested synchronous calls would overflow the stack.
 */
public final class DaisyChain implements Sample {
    @Override
    public String name() {
        return "daisy-chain";
    }

    static final int N = 100_000;

    static void f(Channel<Integer> left, Channel<Integer> right) throws InterruptedException {
        left.send(1 + right.receive());
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        final int n = N;
        Channel<Integer> leftmost = Channel.make();
        Channel<Integer> right = leftmost;
        Channel<Integer> left = leftmost;
        for (int i = 0; i < n; i++) {
            right = Channel.make();
            Channel<Integer> l = left, r = right;
            go(() -> f(l, r));
            left = right;
        }
        Channel<Integer> c = right;
        go(() -> c.send(1));
        out.println(leftmost.receive());
    }

    @Override
    public void reactor(PrintStream out) {
        var hops = reactor.core.scheduler.Schedulers.single();
        Sinks.One<Integer> leftmost = Sinks.one();
        Sinks.One<Integer> left = leftmost;
        for (int i = 0; i < N; i++) {
            Sinks.One<Integer> right = Sinks.one();
            Sinks.One<Integer> l = left;
            right.asMono().publishOn(hops).subscribe(v -> l.tryEmitValue(1 + v));
            left = right;
        }
        left.tryEmitValue(1);
        out.println(leftmost.asMono().block());
    }

    @Override
    public void rx(PrintStream out) {
        var hops = io.reactivex.rxjava3.schedulers.Schedulers.single();
        SingleSubject<Integer> leftmost = SingleSubject.create();
        SingleSubject<Integer> left = leftmost;
        for (int i = 0; i < N; i++) {
            SingleSubject<Integer> right = SingleSubject.create();
            SingleSubject<Integer> l = left;
            right.observeOn(hops).subscribe(v -> l.onSuccess(1 + v));
            left = right;
        }
        left.onSuccess(1);
        out.println(leftmost.blockingGet());
    }
}
