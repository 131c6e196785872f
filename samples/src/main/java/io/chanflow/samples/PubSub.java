package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.subscribers.DefaultSubscriber;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;

/**
 * Pub/sub broker with a slow subscriber: the broker never blocks; a subscriber whose buffer is full misses
 * the message. Deterministic: the fast subscriber's buffer holds all five, the slow one (a buffer of two)
 * reads only after publishing is over. In the reactive forms the broker is a multicast sink/processor, a
 * subscriber's buffer is its outstanding demand (the slow one requests 2), and {@code onBackpressureDrop}
 * drops, and counts, what a subscriber has not asked for.
 */
public final class PubSub implements Sample {
    @Override
    public String name() {
        return "pubsub";
    }

    static final class Subscriber {
        final Channel<String> messages;
        int dropped; // written by the broker only; read once messages is closed

        Subscriber(int buffer) {
            messages = Channel.make(buffer);
        }
    }

    static void broker(ReceiveChannel<String> publish, ReceiveChannel<Subscriber> subscribe)
            throws InterruptedException {
        List<Subscriber> subs = new ArrayList<>();
        boolean open = true;
        while (open) {
            open = select(
                    subscribe.onReceive(s -> subs.add(s)),
                    publish.onReceiveOk(msg -> {
                        if (!msg.ok()) {
                            for (var s : subs) {
                                s.messages.close();
                            }
                            return false;
                        }
                        for (var s : subs) {
                            if (!s.messages.trySend(msg.value())) {
                                s.dropped++; // never block on a slow subscriber
                            }
                        }
                        return true;
                    }));
        }
    }

    static List<String> collect(Subscriber s) {
        List<String> got = new ArrayList<>();
        for (String m : s.messages) {
            got.add(m);
        }
        return got;
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<String> publish = Channel.make();
        Channel<Subscriber> subscribe = Channel.make();
        go(() -> broker(publish, subscribe));

        var fast = new Subscriber(5);
        var slow = new Subscriber(2);
        subscribe.send(fast);
        subscribe.send(slow);
        Channel<List<String>> fastGot = Channel.make();
        go(() -> fastGot.send(collect(fast)));

        for (int i = 1; i <= 5; i++) {
            publish.send("m" + i);
        }
        publish.close();
        out.println("fast got " + Sample.slice(fastGot.receive()));
        var slowGot = collect(slow); // only now does the slow subscriber read
        out.printf("slow got %s, dropped %d%n", Sample.slice(slowGot), slow.dropped);
    }

    @Override
    public void reactor(PrintStream out) {
        Sinks.Many<String> broker = Sinks.many().multicast().directBestEffort();
        var fast = broker.asFlux().collectList().toFuture();
        List<String> slowGot = new ArrayList<>();
        var dropped = new AtomicInteger();
        broker.asFlux()
                .onBackpressureDrop(m -> dropped.incrementAndGet())
                .subscribe(new BaseSubscriber<String>() {
                    @Override
                    protected void hookOnSubscribe(Subscription s) {
                        s.request(2); // a buffer of two, never read while publishing
                    }

                    @Override
                    protected void hookOnNext(String m) {
                        slowGot.add(m);
                    }
                });
        for (int i = 1; i <= 5; i++) {
            broker.emitNext("m" + i, Sinks.EmitFailureHandler.FAIL_FAST);
        }
        broker.emitComplete(Sinks.EmitFailureHandler.FAIL_FAST);
        out.println("fast got " + Sample.slice(fast.join()));
        out.printf("slow got %s, dropped %d%n", Sample.slice(slowGot), dropped.get());
    }

    @Override
    public void rx(PrintStream out) {
        PublishProcessor<String> broker = PublishProcessor.create();
        var fast = broker.toList().toCompletionStage().toCompletableFuture();
        List<String> slowGot = new ArrayList<>();
        var dropped = new AtomicInteger();
        broker.onBackpressureDrop(m -> dropped.incrementAndGet())
                .subscribe(new DefaultSubscriber<String>() {
                    @Override
                    protected void onStart() {
                        request(2); // a buffer of two, never read while publishing
                    }

                    @Override
                    public void onNext(String m) {
                        slowGot.add(m);
                    }

                    @Override
                    public void onError(Throwable e) {}

                    @Override
                    public void onComplete() {}
                });
        for (int i = 1; i <= 5; i++) {
            broker.onNext("m" + i);
        }
        broker.onComplete();
        out.println("fast got " + Sample.slice(fast.join()));
        out.printf("slow got %s, dropped %d%n", Sample.slice(slowGot), dropped.get());
    }
}
