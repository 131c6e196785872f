package io.chanflow.reactive;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.ChannelClosedException;
import io.chanflow.Done;
import io.chanflow.Received;
import io.chanflow.SendChannel;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/*
 * Overview
 * ========
 * A Subscriber that feeds a SendChannel whose receivers may be slow, without ever blocking the publisher's
 * thread: onNext puts the value into a private buffer of `prefetch` slots (BufferingSubscriber: trySend,
 * which always succeeds while the publisher honours demand) and a forwarding goroutine sends from the buffer to the target,
 * blocking as long as the target's receivers make it. Demand follows the target's consumption: the forwarder
 * counts completed sends and requests them again in batches of limit = prefetch - prefetch / 4, so
 * R (total requested) <= prefetch + (values sent to the target).
 *
 *   forwarder:
 *     loop {
 *       select { case v, ok := <-buffer: ; case <-cancel: cancel upstream; close target(cause); return }
 *       if !ok:  close target (with the upstream's cause, if any); return
 *       select { case target <- v: ; case <-cancel: (same) }       // a closed target cancels upstream
 *       count v; request a batch when `limit` were sent
 *     }
 *
 * The subscriber owns the target: it closes it when the stream ends (onComplete: close(); onError(e):
 * close(e); cancelled: close(cancel cause)), as the producing goroutine does in Go. A value in the buffer
 * when the stream is cancelled is dropped (nobody will receive it: the target is closed).
 */
final class SendChannelSubscriber<T> extends BufferingSubscriber<T> {
    private final SendChannel<T> target;
    private final Done cancelSignal;
    private final Supplier<Throwable> cancelCause;
    private final AtomicBoolean forwarding = new AtomicBoolean();

    SendChannelSubscriber(SendChannel<T> target, int prefetch, Done cancelSignal, Supplier<Throwable> cancelCause) {
        super(prefetch, "prefetch");
        this.target = Objects.requireNonNull(target, "channel");
        this.cancelSignal = Objects.requireNonNull(cancelSignal, "cancel signal");
        this.cancelCause = cancelCause;
    }

    @Override
    void subscribed() {
        startForwarder();
    }

    /** A stream that ended without onSubscribe (a broken publisher) still closes the target. */
    @Override
    void terminated() {
        startForwarder();
    }

    private void startForwarder() {
        if (forwarding.compareAndSet(false, true)) {
            go(this::forward);
        }
    }

    private void forward() throws InterruptedException {
        long sent = 0;
        for (;;) {
            Received<T> r = select(buffer.onReceiveOk(x -> x), cancelSignal.onDone(() -> null));
            if (r == null) {
                cancelled();
                return;
            }
            if (!r.ok()) {
                Throwable cause = r.cause();
                closeTarget(cause);
                return;
            }
            boolean delivered;
            try {
                delivered = select(target.onSend(r.value(), () -> true), cancelSignal.onDone(() -> false));
            } catch (ChannelClosedException targetClosed) {
                // someone else closed the target: nobody wants more
                cancelAndTerminate(targetClosed);
                return;
            }
            if (!delivered) {
                cancelled();
                return;
            }
            if (++sent == limit) {
                sent = 0;
                request(limit);
            }
        }
    }

    private void cancelled() {
        Throwable cause = cancelCause == null ? null : cancelCause.get();
        if (cause == null) {
            cause = new CancellationException("subscriber cancelled");
        }
        cancelAndTerminate(cause);
        closeTarget(cause);
    }

    private void closeTarget(Throwable cause) {
        Closing.closeQuietly(target, cause);
    }

    @Override
    public String toString() {
        return "SendChannelSubscriber[" + target + ", prefetch=" + capacity + "]";
    }
}
