package io.chanflow.sync;

import static io.chanflow.Go.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanflow.Channel;
import io.chanflow.context.CancelContext;
import io.chanflow.context.Context;
import io.chanflow.context.ContextDoneException;
import io.chanflow.context.ContextError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(60)
@ExtendWith(io.chanflow.LeakCheckExtension.class)
class SyncTest {

    // WaitGroup --------------------------------------------------------------------------------------

    @Test
    void waitGroupAwaitReturnsWhenEveryTaskIsDone() throws Exception {
        WaitGroup wg = new WaitGroup();
        AtomicInteger sum = new AtomicInteger();
        for (int i = 1; i <= 100; i++) {
            int v = i;
            wg.go(() -> sum.addAndGet(v));
        }
        wg.await();
        assertThat(sum.get()).isEqualTo(5050);
        assertThat(wg.count()).isZero();
        wg.await(); // idle group: returns at once
    }

    @Test
    void waitGroupCanBeReused() throws Exception {
        WaitGroup wg = new WaitGroup();
        for (int round = 0; round < 100; round++) {
            AtomicInteger n = new AtomicInteger();
            wg.add(3);
            for (int i = 0; i < 3; i++) {
                go(() -> {
                    n.incrementAndGet();
                    wg.done();
                });
            }
            wg.await();
            assertThat(n.get()).isEqualTo(3);
        }
    }

    @Test
    void aNegativeWaitGroupCounterIsRejected() {
        WaitGroup wg = new WaitGroup();
        assertThatThrownBy(wg::done)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sync: negative WaitGroup counter");
        assertThat(wg.count()).isZero();
    }

    @Test
    void waitGroupAwaitGivesUpOnContextOrTimeout() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        assertThat(wg.await(Duration.ofMillis(10))).isFalse();
        CancelContext ctx = Context.withCancel(Context.background());
        ctx.cancel();
        assertThatThrownBy(() -> wg.await(ctx)).isInstanceOf(ContextDoneException.class);
        wg.done();
        assertThat(wg.await(Duration.ofMillis(10))).isTrue();
        wg.await(ctx.err() == null ? ctx : Context.background());
    }

    // ErrGroup ---------------------------------------------------------------------------------------

    @Test
    void errGroupReturnsNullWhenEveryTaskSucceeds() throws Exception {
        ErrGroup g = new ErrGroup();
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            g.go(n::incrementAndGet);
        }
        assertThat(g.await()).isNull();
        assertThat(n.get()).isEqualTo(10);
    }

    @Test
    void errGroupsFirstErrorWinsAndCancelsTheRest() throws Exception {
        ErrGroup g = ErrGroup.withContext(Context.background());
        IOException first = new IOException("first");
        CountDownLatch firstFailed = new CountDownLatch(1);
        AtomicInteger cancelledWorkers = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            g.go(() -> {
                g.context().done().await(); // runs until the group is cancelled
                cancelledWorkers.incrementAndGet();
            });
        }
        g.go(() -> {
            try {
                throw first;
            } finally {
                firstFailed.countDown();
            }
        });
        firstFailed.await();
        g.go(() -> {
            throw new IllegalStateException("second, after the first");
        });
        assertThat(g.await()).isSameAs(first);
        assertThat(cancelledWorkers.get()).isEqualTo(5);
        assertThat(g.context().err()).isEqualTo(ContextError.CANCELED);
        assertThat(g.context().cause()).isSameAs(first);
    }

    @Test
    void errGroupCapturesErrorsNotJustExceptions() throws Exception {
        ErrGroup g = new ErrGroup();
        g.go(() -> {
            throw new AssertionError("an Error");
        });
        assertThat(g.await()).isInstanceOf(AssertionError.class);
    }

    @Test
    void errGroupLimitBoundsTheRunningTasks() throws Exception {
        ErrGroup g = new ErrGroup();
        g.setLimit(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            g.go(() -> {
                int r = running.incrementAndGet();
                maxRunning.accumulateAndGet(r, Math::max);
                Thread.yield();
                running.decrementAndGet();
            });
        }
        assertThat(g.await()).isNull();
        assertThat(maxRunning.get()).isBetween(1, 2);
    }

    @Test
    void errGroupTryGoRefusesWhenNoSlotIsFree() throws Exception {
        ErrGroup g = new ErrGroup();
        g.setLimit(1);
        CountDownLatch release = new CountDownLatch(1);
        assertThat(g.tryGo(release::await)).isTrue();
        assertThat(g.tryGo(() -> {})).isFalse();
        assertThatThrownBy(() -> g.setLimit(5)).isInstanceOf(IllegalStateException.class);
        release.countDown();
        assertThat(g.await()).isNull();
        assertThat(g.tryGo(() -> {})).isTrue();
        g.await();
    }

    // Semaphore --------------------------------------------------------------------------------------

    @Test
    void semaphoreLimitsTheUnitsHeld() throws Exception {
        Semaphore s = new Semaphore(3);
        s.acquire(2);
        assertThat(s.tryAcquire(2)).isFalse();
        assertThat(s.tryAcquire(1)).isTrue();
        s.release(3);
        assertThat(s.tryAcquire(3)).isTrue();
        s.release(3);
    }

    @Test
    void semaphoreRejectsRequestsLargerThanItsSizeAtOnce() {
        Semaphore s = new Semaphore(3);
        assertThatThrownBy(() -> s.acquire(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.release(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Semaphore(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void semaphoreServesWaitersFirstComeFirstServed() throws Exception {
        Semaphore s = new Semaphore(10);
        s.acquire(10);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread big = go(() -> {
            s.acquire(8);
            order.add("big");
            s.release(8);
        });
        org.awaitility.Awaitility.await().until(() -> big.getState() == Thread.State.WAITING);
        Thread small = go(() -> {
            s.acquire(1);
            order.add("small");
            s.release(1);
        });
        org.awaitility.Awaitility.await().until(() -> small.getState() == Thread.State.WAITING);
        s.release(2); // 2 free: the small request would fit, but the big one is first in line
        assertThat(small.isAlive()).isTrue();
        assertThat(order).as("nothing is granted while the head of the line does not fit").isEmpty();
        s.release(8); // now both fit: big first, then small
        big.join();
        small.join();
        assertThat(order).containsExactlyInAnyOrder("big", "small");
    }

    @Test
    void aCancelledAcquireHoldsNothingAndLetsLaterWaitersThrough() throws Exception {
        Semaphore s = new Semaphore(2);
        s.acquire(2);
        CancelContext ctx = Context.withCancel(Context.background());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread big = go(() -> {
            try {
                s.acquire(ctx, 2);
            } catch (ContextDoneException e) {
                thrown.set(e);
            }
        });
        org.awaitility.Awaitility.await().until(() -> big.getState() == Thread.State.WAITING);
        Thread small = go(() -> s.acquire(1));
        org.awaitility.Awaitility.await().until(() -> small.getState() == Thread.State.WAITING);
        s.release(1); // small would fit, but big is at the head
        ctx.cancel(); // big gives up: small must now get through
        big.join();
        small.join();
        assertThat(thrown.get()).isInstanceOf(ContextDoneException.class);
        s.release(2); // 1 from the start + 1 small
        assertThat(s.tryAcquire(2)).isTrue();
    }

    @Test
    void semaphoreUnderContentionNeverExceedsItsSize() throws Exception {
        Semaphore s = new Semaphore(5);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        WaitGroup wg = new WaitGroup();
        for (int t = 0; t < 20; t++) {
            int n = 1 + t % 3;
            wg.go(() -> {
                for (int i = 0; i < 500; i++) {
                    s.acquire(n);
                    maxHeld.accumulateAndGet(held.addAndGet(n), Math::max);
                    held.addAndGet(-n);
                    s.release(n);
                }
            });
        }
        wg.await();
        assertThat(maxHeld.get()).isLessThanOrEqualTo(5);
        assertThat(s.tryAcquire(5)).isTrue();
    }

    // Once -------------------------------------------------------------------------------------------

    @Test
    void onceRunsItsFunctionExactlyOnceAcrossThreads() throws Exception {
        Once once = new Once();
        AtomicInteger runs = new AtomicInteger();
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 50; i++) {
            wg.go(() -> once.run(runs::incrementAndGet));
        }
        wg.await();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aOnceWhoseFunctionThrewCountsAsRun() {
        Once once = new Once();
        assertThatThrownBy(() -> once.run(() -> {
            throw new IllegalStateException("x");
        })).isInstanceOf(IllegalStateException.class);
        AtomicInteger runs = new AtomicInteger();
        once.run(runs::incrementAndGet);
        assertThat(runs.get()).isZero();
    }

    @Test
    void aOnceCalledFromInsideItsOwnFunctionRunsNothingMore() {
        Once once = new Once();
        AtomicInteger n = new AtomicInteger();
        once.run(() -> {
            n.incrementAndGet();
            once.run(() -> n.addAndGet(100));
        });
        assertThat(n.get()).isEqualTo(1);
    }

    @Test
    void semaphoreAcquireOnAnInterruptedThreadThrowsAndHoldsNothing() {
        Semaphore s = new Semaphore(1);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> s.acquire(1)).isInstanceOf(InterruptedException.class);
        assertThat(s.tryAcquire(1)).isTrue();
    }

    @Test
    void onceValueComputesOnceAndRethrowsAFailureEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> v = Once.value(calls::incrementAndGet);
        assertThat(v.get()).isEqualTo(1);
        assertThat(v.get()).isEqualTo(1);
        Supplier<Integer> bad = Once.value(() -> {
            throw new IllegalArgumentException("bad");
        });
        assertThatThrownBy(bad::get).hasMessage("bad");
        assertThatThrownBy(bad::get).hasMessage("bad");
    }

    @Test
    void aBufferedChannelWorksAsASemaphore() throws Exception {
        Channel<Object> sem = Channel.make(3);
        List<Thread> ts = new ArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        for (int i = 0; i < 30; i++) {
            ts.add(go(() -> {
                sem.send(Boolean.TRUE);
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                inside.decrementAndGet();
                sem.receive();
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        assertThat(maxInside.get()).isLessThanOrEqualTo(3);
    }
}
