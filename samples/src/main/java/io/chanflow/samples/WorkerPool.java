package io.chanflow.samples;

import static io.chanflow.Go.go;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import java.util.Comparator;
import reactor.core.publisher.Flux;

/**
 * Worker pool with results: three workers, a buffered jobs channel and a results channel. Results arrive
 * in any order, carry their job's number and are printed by job. The reactive forms run the same
 * {@link #worker} on three goroutines with the bridges' {@code stage(3, WorkerPool::worker)}
 * ({@code ChanFlux.stage} through {@code transform}, {@code ChanFlowable.stage} through {@code compose}),
 * then sort the results by job.
 */
public final class WorkerPool implements Sample {
    @Override
    public String name() {
        return "worker-pool";
    }

    record Result(int job, int steps) {}

    /** The number of steps of the Collatz sequence from n down to 1: a small CPU-bound job. */
    static int collatz(int n) {
        int steps = 0;
        for (; n != 1; steps++) {
            n = n % 2 == 0 ? n / 2 : 3 * n + 1;
        }
        return steps;
    }

    static void worker(ReceiveChannel<Integer> jobs, SendChannel<Result> results) throws InterruptedException {
        for (int j : jobs) {
            results.send(new Result(j, collatz(j)));
        }
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        final int numJobs = 8;
        Channel<Integer> jobs = Channel.make(numJobs);
        Channel<Result> results = Channel.make(numJobs);
        for (int w = 1; w <= 3; w++) {
            go(() -> worker(jobs, results));
        }
        for (int j = 1; j <= numJobs; j++) {
            jobs.send(j);
        }
        jobs.close();
        int[] steps = new int[numJobs + 1];
        for (int i = 0; i < numJobs; i++) {
            Result r = results.receive();
            steps[r.job()] = r.steps();
        }
        for (int j = 1; j <= numJobs; j++) {
            out.printf("job %d: %d steps%n", j, steps[j]);
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.range(1, 8)
                .transform(ChanFlux.stage(3, WorkerPool::worker)) // three workers; results in any order
                .sort(Comparator.comparingInt(Result::job))
                .doOnNext(r -> out.printf("job %d: %d steps%n", r.job(), r.steps()))
                .blockLast();
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.range(1, 8)
                .compose(ChanFlowable.stage(3, WorkerPool::worker)) // three workers; results in any order
                .sorted(Comparator.comparingInt(Result::job))
                .blockingForEach(r -> out.printf("job %d: %d steps%n", r.job(), r.steps()));
    }
}
