package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.reactivex.rxjava3.core.Flowable;
import java.io.PrintStream;
import reactor.core.publisher.Flux;

/**
 * Or-done: range over a channel whose producer never closes it, and still stop when done. The channel
 * holds three values and is never closed; having seen the third, the consumer cancels, and the loop ends
 * (without or-done it would block for ever). Deterministic: after the third value only the done case can
 * be ready. In the reactive forms the source is {@code never()} after three values, and cancelling is
 * {@code takeUntil}; the last line is printed as is.
 */
public final class OrDone implements Sample {
    @Override
    public String name() {
        return "or-done";
    }

    static ReceiveChannel<Integer> orDone(Done done, ReceiveChannel<Integer> in) {
        Channel<Integer> out = Channel.make();
        go(() -> {
            try {
                while (true) {
                    Received<Integer> r = select(
                            done.onDone(() -> null),
                            in.onReceiveOk(got -> got));
                    if (r == null || !r.ok()) {
                        return;
                    }
                    if (!select(
                            out.onSend(r.value(), () -> true),
                            done.onDone(() -> false))) {
                        return;
                    }
                }
            } finally {
                out.close();
            }
        });
        return out;
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Channel<Integer> in = Channel.make(3); // a channel its producer never closes
        for (int i = 1; i <= 3; i++) {
            in.send(i);
        }

        try (CancelContext ctx = Context.withCancel(Context.background())) {
            for (int v : orDone(ctx.done(), in)) {
                out.println("got " + v);
                if (v == 3) {
                    ctx.cancel(); // seen enough (or: a deadline, a signal...)
                }
            }
            out.println("stopped: " + ctx.err().message());
        }
    }

    @Override
    public void reactor(PrintStream out) {
        Flux.concat(Flux.range(1, 3), Flux.never()) // a source that never completes
                .doOnNext(v -> out.println("got " + v))
                .takeUntil(v -> v == 3) // seen enough
                .blockLast();
        out.println("stopped: context canceled");
    }

    @Override
    public void rx(PrintStream out) {
        Flowable.concat(Flowable.range(1, 3), Flowable.never()) // a source that never completes
                .doOnNext(v -> out.println("got " + v))
                .takeUntil(v -> v == 3) // seen enough
                .blockingLast();
        out.println("stopped: context canceled");
    }
}
