package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.processors.UnicastProcessor;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.io.PrintStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Request/response: a server goroutine answers requests that carry their own reply channel; each client
 * waits for its reply, so answers print in request order. In the reactive forms a request carries a
 * one-shot reply sink ({@code Sinks.One}/{@code SingleSubject}), the server is a subscriber to the queue
 * of requests on its own thread, and a call is a {@code Mono}/{@code Single} of the reply.
 */
public final class RequestResponse implements Sample {
    @Override
    public String name() {
        return "request-response";
    }

    record Request(int n, Channel<Integer> reply) {}

    static void server(ReceiveChannel<Request> requests, SendChannel<Integer> handled) throws InterruptedException {
        int count = 0;
        for (var r : requests) {
            r.reply().send(r.n() * r.n());
            count++;
        }
        handled.send(count);
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<Request> requests = Channel.make();
        Channel<Integer> handled = Channel.make();
        go(() -> server(requests, handled));
        for (int n : new int[] {2, 3, 4}) {
            Channel<Integer> reply = Channel.make();
            requests.send(new Request(n, reply));
            out.printf("square(%d) = %d%n", n, reply.receive());
        }
        requests.close();
        out.println("server handled " + handled.receive() + " requests");
    }

    record MonoRequest(int n, Sinks.One<Integer> reply) {}

    @Override
    public void reactor(PrintStream out) {
        Sinks.Many<MonoRequest> requests = Sinks.many().unicast().onBackpressureBuffer();
        Mono<Long> handled = requests.asFlux()
                .publishOn(reactor.core.scheduler.Schedulers.single())
                .doOnNext(r -> r.reply().tryEmitValue(r.n() * r.n()))
                .count()
                .cache();
        handled.subscribe(); // start the server
        Flux.just(2, 3, 4)
                .concatMap(n -> Mono.defer(() -> {
                    Sinks.One<Integer> reply = Sinks.one();
                    requests.tryEmitNext(new MonoRequest(n, reply));
                    return reply.asMono();
                }).map(sq -> String.format("square(%d) = %d", n, sq)))
                .doOnNext(out::println)
                .blockLast();
        requests.tryEmitComplete();
        out.println("server handled " + handled.block() + " requests");
    }

    record SingleRequest(int n, SingleSubject<Integer> reply) {}

    @Override
    public void rx(PrintStream out) {
        UnicastProcessor<SingleRequest> requests = UnicastProcessor.create();
        Single<Long> handled = requests
                .observeOn(io.reactivex.rxjava3.schedulers.Schedulers.single())
                .doOnNext(r -> r.reply().onSuccess(r.n() * r.n()))
                .count()
                .cache();
        handled.subscribe(); // start the server
        Flowable.just(2, 3, 4)
                .concatMapSingle(n -> Single.defer(() -> {
                    SingleSubject<Integer> reply = SingleSubject.create();
                    requests.onNext(new SingleRequest(n, reply));
                    return reply;
                }).map(sq -> String.format("square(%d) = %d", n, sq)))
                .blockingForEach(out::println);
        requests.onComplete();
        out.println("server handled " + handled.blockingGet() + " requests");
    }
}
