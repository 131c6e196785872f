package io.chanflow.samples;

import static io.chanflow.Go.after;
import static io.chanflow.Go.select;

import io.chanflow.context.Context;
import io.chanflow.sync.ErrGroup;
import io.reactivex.rxjava3.core.Completable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Errgroup with first-error cancel: c fails at once, which cancels the group's context, so a (an hour
 * long) stops early; the first error is returned. Outcomes are printed in task order. The reactive forms
 * run the three with {@code Mono.when}/{@code Completable.mergeArray}, which cancel the others on the
 * first error (they start them in order, so the slow one is already running when c fails); a records its
 * cancellation in {@code doOnCancel}/{@code doOnDispose}.
 */
public final class ErrGroupSample implements Sample {
    @Override
    public String name() {
        return "errgroup";
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        ErrGroup g = ErrGroup.withContext(Context.background());
        Context ctx = g.context();
        String[] results = new String[3];
        g.go(() -> {
            select(
                    after(Duration.ofHours(1), () -> {
                        results[0] = "a: ok";
                    }),
                    ctx.done().onDone(() -> {
                        results[0] = "a: " + ctx.err().message();
                    }));
            ctx.throwIfDone();
        });
        g.go(() -> {
            results[1] = "b: ok";
        });
        g.go(() -> {
            var err = new Exception("c: not found");
            results[2] = err.getMessage();
            throw err;
        });
        Throwable err = g.await();
        out.println("first error: " + err.getMessage());
        for (String r : results) {
            out.println(r);
        }
    }

    @Override
    public void reactor(PrintStream out) {
        String[] results = new String[3];
        Mono<Void> a = Mono.delay(Duration.ofHours(1))
                .doOnNext(t -> results[0] = "a: ok")
                .doOnCancel(() -> results[0] = "a: context canceled")
                .then();
        Mono<Void> b = Mono.fromRunnable(() -> results[1] = "b: ok");
        Mono<Void> c = Mono.defer(() -> {
            results[2] = "c: not found";
            return Mono.error(new Exception("c: not found"));
        });
        try {
            Mono.when(a, b, c).block();
        } catch (RuntimeException e) {
            out.println("first error: " + Exceptions.unwrap(e).getMessage());
        }
        for (String r : results) {
            out.println(r);
        }
    }

    @Override
    public void rx(PrintStream out) {
        String[] results = new String[3];
        Completable a = Completable.timer(1, TimeUnit.HOURS)
                .doOnComplete(() -> results[0] = "a: ok")
                .doOnDispose(() -> results[0] = "a: context canceled");
        Completable b = Completable.fromRunnable(() -> results[1] = "b: ok");
        Completable c = Completable.defer(() -> {
            results[2] = "c: not found";
            return Completable.error(new Exception("c: not found"));
        });
        Throwable err = Completable.mergeArray(a, b, c).materialize().blockingGet().getError();
        out.println("first error: " + err.getMessage());
        for (String r : results) {
            out.println(r);
        }
    }
}
