package io.chanflow.pattern;

import io.chanflow.context.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A circuit breaker (Nygard's, as Fowler and most Go libraries describe it): after too many consecutive
 * failures it stops calling a failing dependency for a cool-down, then lets a few trial calls through to see
 * whether it recovered.
 *
 * <pre>
 *   CLOSED --(failureThreshold consecutive failures)--> OPEN --(coolDown passed)--> HALF_OPEN
 *   HALF_OPEN --(trialCalls successes)--> CLOSED          HALF_OPEN --(any failure)--> OPEN
 * </pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link State#CLOSED}: calls go through; a success resets the failure count.</li>
 *   <li>{@link State#OPEN}: calls fail at once with {@link CircuitOpenException}, without calling, until
 *       {@code coolDown} has passed since the breaker opened.</li>
 *   <li>{@link State#HALF_OPEN}: at most {@code trialCalls} calls go through (the rest fail with
 *       {@link CircuitOpenException}); if all of them succeed the breaker closes, if one fails it opens again
 *       for another cool-down.</li>
 *   <li>A failure is any exception the call throws, except cancellation: an {@link InterruptedException},
 *       a {@link CancellationException} (so a {@link io.chanflow.context.ContextDoneException}), or anything
 *       thrown once the caller's context is done. Those are passed on without counting either way.</li>
 *   <li>An outcome counts only in the state it was admitted in: a slow call that ends after the state
 *       changed is ignored.</li>
 *   <li>Thread-safe; the breaker's lock is never held while a call runs. No goroutine, no timer: the
 *       cool-down is checked when a call arrives.</li>
 * </ul>
 */
public final class CircuitBreaker {

    /** The breaker's states. */
    public enum State {
        /** Calls go through. */
        CLOSED,
        /** Calls are refused. */
        OPEN,
        /** A few trial calls go through. */
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long coolDownNanos;
    private final int trialCalls;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private State state = State.CLOSED;
    /** Guarded by lock: consecutive failures while CLOSED. */
    private int failures;
    /** Guarded by lock: when the breaker last opened. */
    private long openedAt;
    /** Guarded by lock: trial calls admitted, and succeeded, in this HALF_OPEN period. */
    private int trialsAdmitted;
    private int trialsSucceeded;
    /** Guarded by lock: bumped at every state change, so late outcomes of an earlier state are ignored. */
    private long generation;

    CircuitBreaker(int failureThreshold, Duration coolDown, int trialCalls, LongSupplier nanoClock) {
        Pipeline.requirePositive(failureThreshold, "failureThreshold");
        Pipeline.requirePositive(coolDown, "coolDown");
        Pipeline.requirePositive(trialCalls, "trialCalls");
        this.failureThreshold = failureThreshold;
        this.coolDownNanos = coolDown.toNanos();
        this.trialCalls = trialCalls;
        this.clock = Objects.requireNonNull(nanoClock, "clock");
    }

    /**
     * A breaker that opens after {@code failureThreshold} consecutive failures, stays open for
     * {@code coolDown}, then lets one trial call through.
     *
     * @param failureThreshold consecutive failures that open it, at least 1
     * @param coolDown how long it stays open, positive
     * @return a closed breaker
     */
    public static CircuitBreaker of(int failureThreshold, Duration coolDown) {
        return of(failureThreshold, coolDown, 1);
    }

    /**
     * A breaker that opens after {@code failureThreshold} consecutive failures, stays open for
     * {@code coolDown}, then closes again once {@code trialCalls} trial calls have succeeded.
     *
     * @param failureThreshold consecutive failures that open it, at least 1
     * @param coolDown how long it stays open, positive
     * @param trialCalls trial calls let through when half-open, all of which must succeed, at least 1
     * @return a closed breaker
     */
    public static CircuitBreaker of(int failureThreshold, Duration coolDown, int trialCalls) {
        return new CircuitBreaker(failureThreshold, coolDown, trialCalls, System::nanoTime);
    }

    /**
     * Makes the call through the breaker, on the calling thread.
     *
     * @param ctx the caller's context: not called if already done; its cancellation is not a failure
     * @param call the call
     * @param <T> the result type
     * @return what the call returned
     * @throws CircuitOpenException if the breaker refused the call (it was not made)
     * @throws io.chanflow.context.ContextDoneException if {@code ctx} is done before the call
     * @throws Exception what the call threw
     */
    public <T> T call(Context ctx, Callable<? extends T> call) throws Exception {
        Objects.requireNonNull(call, "call");
        ctx.throwIfDone();
        long admittedIn = admit();
        T v;
        try {
            v = call.call();
        } catch (Throwable e) {
            boolean cancelled = e instanceof InterruptedException || e instanceof CancellationException
                    || ctx.err() != null;
            record(admittedIn, cancelled ? null : Boolean.FALSE);
            throw e;
        }
        record(admittedIn, Boolean.TRUE);
        return v;
    }

    /**
     * The state now (an OPEN breaker whose cool-down has passed reports HALF_OPEN).
     *
     * @return the state
     */
    public State state() {
        lock.lock();
        try {
            advance();
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Admits a call or throws; returns the generation it was admitted in. */
    private long admit() {
        lock.lock();
        try {
            advance();
            if (state == State.OPEN) {
                throw new CircuitOpenException(state, Duration.ofNanos(coolDownNanos - (clock.getAsLong() - openedAt)));
            }
            if (state == State.HALF_OPEN) {
                if (trialsAdmitted == trialCalls) {
                    throw new CircuitOpenException(state, Duration.ZERO);
                }
                trialsAdmitted++;
            }
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts an outcome of a call admitted in {@code admittedIn}.
     *
     * @param success TRUE, FALSE, or null for a cancelled call (counts neither way)
     */
    private void record(long admittedIn, Boolean success) {
        lock.lock();
        try {
            if (admittedIn != generation) {
                return;
            }
            if (success == null) {
                if (state == State.HALF_OPEN) {
                    trialsAdmitted--; // give the trial to another caller
                }
            } else if (success) {
                if (state == State.CLOSED) {
                    failures = 0;
                } else if (state == State.HALF_OPEN && ++trialsSucceeded == trialCalls) {
                    moveTo(State.CLOSED);
                }
            } else if (state == State.HALF_OPEN || ++failures >= failureThreshold) {
                moveTo(State.OPEN);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Call only holding lock: OPEN becomes HALF_OPEN once the cool-down has passed. */
    private void advance() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= coolDownNanos) {
            moveTo(State.HALF_OPEN);
        }
    }

    /** Call only holding lock. */
    private void moveTo(State next) {
        state = next;
        generation++;
        failures = 0;
        trialsAdmitted = 0;
        trialsSucceeded = 0;
        if (next == State.OPEN) {
            openedAt = clock.getAsLong();
        }
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + state() + "]";
    }
}
