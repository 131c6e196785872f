package io.chanflow.pattern;

import io.chanflow.Channel;
import io.chanflow.ChannelClosedException;
import io.chanflow.Done;
import io.chanflow.DoneChannel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;
import io.chanflow.context.Context;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Request/response over channels: a message that carries its own reply channel, Go's
 * {@code type request struct { q Query; reply chan Answer }}.
 *
 * <pre>{@code
 * Channel<Request<String, Integer>> server = Channel.make();
 * Request.serve(ctx, server, 4, String::length);               // 4 server goroutines
 * int n = Request.call(ctx, server, "hello");                   // 5
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The reply channel has a buffer of one, so a server never blocks on answering a caller that gave
 *       up. It is answered at most once: with a value ({@link #reply}) and then closed, or closed with the
 *       server's exception ({@link #fail}).</li>
 *   <li>The request owns its reply channel: callers only receive from {@link #response()}.</li>
 *   <li>Answering happens-before the caller receives the answer.</li>
 * </ul>
 *
 * @param <Q> the query type
 * @param <R> the answer type
 */
public final class Request<Q, R> {
    private final Q query;
    private final Channel<R> reply = Channel.make(1);
    private final AtomicBoolean answered = new AtomicBoolean();

    private Request(Q query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    /**
     * A new request with an empty reply channel.
     *
     * @param query what is asked, not null
     * @param <Q> the query type
     * @param <R> the answer type
     * @return the request
     */
    public static <Q, R> Request<Q, R> of(Q query) {
        return new Request<>(query);
    }

    /**
     * What is asked.
     *
     * @return the query
     */
    public Q query() {
        return query;
    }

    /**
     * Where the answer arrives: one value and then closed, or closed with the server's exception as cause.
     *
     * @return the receive-only reply channel
     */
    public ReceiveChannel<R> response() {
        return reply.receiveOnly();
    }

    /**
     * Answers with a value. Never blocks.
     *
     * @param answer the answer, not null
     * @throws IllegalStateException if already answered
     */
    public void reply(R answer) {
        Objects.requireNonNull(answer, "answer");
        answerOnce();
        reply.trySend(answer); // the buffer of one is free: it succeeds
        reply.close();
    }

    /**
     * Answers with a failure: the reply channel is closed with {@code cause}. Never blocks.
     *
     * @param cause why there is no answer, not null
     * @throws IllegalStateException if already answered
     */
    public void fail(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        answerOnce();
        reply.close(cause);
    }

    private void answerOnce() {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("request already answered: " + this);
        }
    }

    /**
     * Sends a request for {@code query} to {@code server} and waits for the answer.
     *
     * @param ctx gives up when done, while sending or while waiting for the answer
     * @param server the server's request channel
     * @param query the query
     * @param <Q> the query type
     * @param <R> the answer type
     * @return the answer
     * @throws ExecutionException if the server failed the request; the server's exception is the cause
     * @throws io.chanflow.context.ContextDoneException if {@code ctx} is done first
     * @throws ChannelClosedException if {@code server} is closed
     * @throws InterruptedException if interrupted first
     */
    public static <Q, R> R call(Context ctx, SendChannel<? super Request<Q, R>> server, Q query)
            throws InterruptedException, ExecutionException {
        Request<Q, R> req = of(query);
        ctx.send(server, req);
        try {
            return ctx.receive(req.response());
        } catch (ChannelClosedException e) {
            throw new ExecutionException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * Serves requests on {@code workers} goroutines: each receives a request, applies {@code handler} to its
     * query and replies with the result, or fails the request with what the handler threw (a failed request
     * does not stop the server). A handler that returns {@code null} fails the request with a
     * {@link NullPointerException}.
     *
     * @param ctx stops the server when done (a request being handled is still answered)
     * @param requests the request channel; the server stops when it is closed (it does not close it)
     * @param workers the number of server goroutines, at least 1
     * @param handler computes the answer
     * @param <Q> the query type
     * @param <R> the answer type
     * @return closed once every server goroutine has returned
     */
    public static <Q, R> Done serve(Context ctx, ReceiveChannel<? extends Request<Q, R>> requests, int workers,
            Mapper<? super Q, ? extends R> handler) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(handler, "handler");
        Pipeline.requirePositive(workers, "workers");
        DoneChannel stopped = DoneChannel.make();
        Stage st = Stage.in(ctx);
        for (int i = 0; i < workers; i++) {
            st.go(() -> {
                for (Request<Q, R> req; (req = st.receive(requests)) != null; ) {
                    try {
                        req.reply(handler.apply(req.query()));
                    } catch (Throwable e) {
                        req.fail(e);
                    }
                }
            });
        }
        st.whenDone(cause -> stopped.close());
        return stopped.done();
    }

    @Override
    public String toString() {
        return "Request[" + query + "]";
    }
}
