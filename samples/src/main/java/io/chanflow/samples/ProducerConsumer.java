package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/**
 * Buffered producer/consumer: the producer runs at most 3 values ahead. One producer, one consumer, so
 * the order is the order sent. In the reactive forms the buffer is {@code publishOn}/{@code observeOn}'s
 * queue, sized 3: the consumer thread requests 3, then more as it drains.
 */
public final class ProducerConsumer implements Sample {
    @Override
    public String name() {
        return "producer-consumer";
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<Integer> queue = Channel.make(3);
        go(() -> {
            for (int i = 1; i <= 6; i++) {
                queue.send(i * i); // blocks only while 3 values wait
            }
            queue.close();
        });
        int total = 0;
        for (int v : queue) {
            out.println("consumed " + v);
            total += v;
        }
        out.println("total " + total);
    }

    @Override
    public void reactor(PrintStream out) {
        var total = new AtomicInteger();
        Flux.range(1, 6)
                .map(i -> i * i)
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic(), 3) // a queue of 3
                .doOnNext(v -> {
                    out.println("consumed " + v);
                    total.addAndGet(v);
                })
                .blockLast();
        out.println("total " + total);
    }

    @Override
    public void rx(PrintStream out) {
        var total = new AtomicInteger();
        Flowable.range(1, 6)
                .map(i -> i * i)
                .observeOn(Schedulers.io(), false, 3) // a queue of 3
                .blockingForEach(v -> {
                    out.println("consumed " + v);
                    total.addAndGet(v);
                });
        out.println("total " + total);
    }
}
