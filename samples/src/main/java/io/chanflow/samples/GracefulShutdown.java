package io.chanflow.samples;

import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.SendChannel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.sync.WaitGroup;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Flux;

/**
 * Context cancellation and graceful shutdown: three workers send results until their context is
 * cancelled; main takes five, cancels, and waits for every worker to clean up and return. Only the
 * shutdown is printed, worker by worker. In the reactive forms cancelling is disposing the subscription to
 * the merged workers, each of which cleans up in {@code doFinally}. That runs asynchronously (possibly after
 * {@code dispose} returns), so main waits for it on a latch, as Go waits on its WaitGroup. The last line is
 * printed as is (there is no context error to print).
 */
public final class GracefulShutdown implements Sample {
    @Override
    public String name() {
        return "graceful-shutdown";
    }

    static void worker(Context ctx, int id, SendChannel<Integer> results, String[] stopped)
            throws InterruptedException {
        try {
            for (int n = id; ; n += 3) {
                if (!select(
                        results.onSend(n, () -> true),
                        ctx.done().onDone(() -> false))) {
                    return;
                }
            }
        } finally {
            stopped[id - 1] = "worker " + id + " stopped"; // clean up
        }
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            Channel<Integer> results = Channel.make();
            String[] stopped = new String[3];
            var wg = new WaitGroup();
            for (int id = 1; id <= 3; id++) {
                int w = id;
                wg.go(() -> worker(ctx, w, results, stopped));
            }
            for (int i = 0; i < 5; i++) {
                results.receive();
            }
            out.println("received 5 results, shutting down");
            ctx.cancel();
            wg.await();
            for (String s : stopped) {
                out.println(s);
            }
            out.println("shutdown complete: " + ctx.err().message());
        }
    }

    /** Counts down {@code stopped} once it has cleaned up. */
    static Flux<Integer> reactorWorker(int id, String[] stopped, CountDownLatch allStopped) {
        return Flux.<Integer, Integer>generate(() -> id, (n, sink) -> {
                    sink.next(n);
                    return n + 3;
                })
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .doFinally(signal -> {
                    stopped[id - 1] = "worker " + id + " stopped"; // clean up
                    allStopped.countDown();
                });
    }

    @Override
    public void reactor(PrintStream out) throws InterruptedException {
        shutDown(out, (stopped, allStopped, received) -> Flux.merge(
                        reactorWorker(1, stopped, allStopped),
                        reactorWorker(2, stopped, allStopped),
                        reactorWorker(3, stopped, allStopped))
                .subscribe(n -> received.countDown())::dispose);
    }

    /** Counts down {@code stopped} once it has cleaned up. */
    static Flowable<Integer> rxWorker(int id, String[] stopped, CountDownLatch allStopped) {
        return Flowable.<Integer, Integer>generate(() -> id, (n, emitter) -> {
                    emitter.onNext(n);
                    return n + 3;
                })
                .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.io())
                .doFinally(() -> {
                    stopped[id - 1] = "worker " + id + " stopped"; // clean up
                    allStopped.countDown();
                });
    }

    @Override
    public void rx(PrintStream out) throws InterruptedException {
        shutDown(out, (stopped, allStopped, received) -> Flowable.merge(
                        rxWorker(1, stopped, allStopped),
                        rxWorker(2, stopped, allStopped),
                        rxWorker(3, stopped, allStopped))
                .subscribe(n -> received.countDown())::dispose);
    }

    /** Starts the workers (counting down {@code received} per result) and returns how to cancel them. */
    interface Workers {
        Runnable start(String[] stopped, CountDownLatch allStopped, CountDownLatch received);
    }

    /** The reactive forms' main: take five results, cancel, wait for every worker's cleanup. */
    static void shutDown(PrintStream out, Workers workers) throws InterruptedException {
        String[] stopped = new String[3];
        var allStopped = new CountDownLatch(3); // Go's WaitGroup
        var received = new CountDownLatch(5);
        Runnable cancel = workers.start(stopped, allStopped, received);
        received.await();
        out.println("received 5 results, shutting down");
        cancel.run();
        allStopped.await();
        for (String s : stopped) {
            out.println(s);
        }
        out.println("shutdown complete: context canceled");
    }
}
