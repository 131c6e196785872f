package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.chanflow.Done;
import io.chanflow.ReceiveChannel;
import io.chanflow.Received;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.reactor.ChanFlux;
import io.chanflow.rx.ChanFlowable;
import java.io.PrintStream;

/**
 * Or-done: range over a channel whose producer never closes it, and still stop when done. The channel
 * holds three values and is never closed; having seen the third, the consumer cancels, and the loop ends
 * (without or-done it would block for ever). Deterministic: after the third value only the done case can
 * be ready. The reactive forms read the same never-closed channel through the bridges' {@code from}
 * ({@code ChanFlux.from(in, ctx)}, {@code ChanFlowable.from(in, ctx)}): having seen the third value,
 * {@code takeUntil} cancels the subscription, which leaves the pending receive and cancels {@code ctx}.
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

    /** Three values in a channel its producer never closes. */
    static ReceiveChannel<Integer> neverClosed() throws InterruptedException {
        Channel<Integer> in = Channel.make(3);
        for (int i = 1; i <= 3; i++) {
            in.send(i);
        }
        return in;
    }

    @Override
    public void reactor(PrintStream out) throws InterruptedException {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ChanFlux.from(neverClosed(), ctx) // a cancel of the subscription also cancels ctx
                    .doOnNext(v -> out.println("got " + v))
                    .takeUntil(v -> v == 3) // seen enough
                    .blockLast();
            out.println("stopped: " + ctx.err().message());
        }
    }

    @Override
    public void rx(PrintStream out) throws InterruptedException {
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            ChanFlowable.from(neverClosed(), ctx) // a cancel of the subscription also cancels ctx
                    .doOnNext(v -> out.println("got " + v))
                    .takeUntil(v -> v == 3) // seen enough
                    .blockingLast();
            out.println("stopped: " + ctx.err().message());
        }
    }
}
