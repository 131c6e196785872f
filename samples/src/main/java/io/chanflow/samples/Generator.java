package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.chanflow.ReceiveChannel;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import reactor.core.publisher.Flux;

/**
 * Generator: a function returning a channel that its own goroutine feeds until the caller closes done.
 * In the reactive forms a generator is {@code generate} with a state, and "done" is cancellation, which
 * {@code take} sends upstream.
 */
public final class Generator implements Sample {
    @Override
    public String name() {
        return "generator";
    }

    static ReceiveChannel<Long> fibonacci(Done done) {
        Channel<Long> out = Channel.make();
        go(() -> {
            try {
                long a = 0, b = 1;
                while (select(
                        out.onSend(a, () -> true),
                        done.onDone(() -> false))) {
                    long next = a + b;
                    a = b;
                    b = next;
                }
            } finally {
                out.close();
            }
        });
        return out;
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        DoneChannel done = DoneChannel.make();
        ReceiveChannel<Long> fib = fibonacci(done.done());
        for (int i = 0; i < 10; i++) {
            out.println(fib.receive());
        }
        done.close(); // the generator's goroutine returns
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.<Long, long[]>generate(() -> new long[] {0, 1}, (ab, sink) -> {
                    sink.next(ab[0]);
                    return new long[] {ab[1], ab[0] + ab[1]};
                })
                .take(10) // then cancels the generator
                .doOnNext(out::println)
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.<Long, long[]>generate(() -> new long[] {0, 1}, (ab, emitter) -> {
                    emitter.onNext(ab[0]);
                    return new long[] {ab[1], ab[0] + ab[1]};
                })
                .take(10) // then cancels the generator
                .blockingForEach(out::println);
    }
}
