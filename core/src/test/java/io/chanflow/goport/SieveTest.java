package io.chanflow.goport;

import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.ReceiveChannel;
import io.chanflow.SendChannel;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ports of Go's prime sieves {@code test/chan/sieve1.go} (a daisy chain of filter goroutines) and
 * {@code test/chan/sieve2.go} (an Eratosthenes-style sieve that merges streams of multiples through a heap
 * and uses a select-based proxy with a nil-channel case to buffer without bound). Both must produce the
 * primes below 100 in order. Their generator goroutines run for ever, as in Go; the test interrupts them
 * at the end. sieve2's {@code container/heap} and {@code container/ring} become a {@link PriorityQueue}
 * and an {@link ArrayDeque}.
 */
@Timeout(60)
class SieveTest {
    private static final int[] PRIMES_BELOW_100 = {
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97};

    // ---------------------------------------------------------------------------------------------
    // sieve1.go
    // ---------------------------------------------------------------------------------------------

    /** Sends 2, 3, 4, ... to ch. */
    private static void generate(SendChannel<Integer> ch) throws InterruptedException {
        for (int i = 2; ; i++) {
            ch.send(i);
        }
    }

    /** Copies in to out, dropping multiples of prime. */
    private static void filter(ReceiveChannel<Integer> in, SendChannel<Integer> out, int prime)
            throws InterruptedException {
        for (int i : in) {
            if (i % prime != 0) {
                out.send(i);
            }
        }
    }

    /** Daisy-chains filter goroutines together. */
    private static void sieve(GoTestGoroutines g, SendChannel<Integer> primes) throws InterruptedException {
        Channel<Integer> first = Channel.make();
        g.go(() -> generate(first));
        Channel<Integer> ch = first;
        while (true) {
            int prime = ch.receive();
            primes.send(prime);
            Channel<Integer> ch1 = Channel.make();
            Channel<Integer> in = ch;
            g.go(() -> filter(in, ch1, prime));
            ch = ch1;
        }
    }

    @Test
    @Timeout(30)
    void daisyChainOfFiltersYieldsThePrimes() throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> primes = Channel.make();
            g.go(() -> sieve(g, primes));
            for (int p : PRIMES_BELOW_100) {
                assertThat(primes.receive()).isEqualTo(p);
            }
            g.rethrowFailures();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // sieve2.go
    // ---------------------------------------------------------------------------------------------

    /** A channel of odd numbers, starting from 5. */
    private static Channel<Integer> odds(GoTestGoroutines g) {
        Channel<Integer> out = Channel.make(50);
        g.go(() -> {
            for (int n = 5; ; n += 2) {
                out.send(n);
            }
        });
        return out;
    }

    /** A channel of the odd multiples of the prime p, starting from p*p. */
    private static Channel<Integer> multiples(GoTestGoroutines g, int p) {
        Channel<Integer> out = Channel.make(10);
        g.go(() -> {
            for (int n = p * p; ; n += 2 * p) {
                out.send(n);
            }
        });
        return out;
    }

    /** A channel and the value at its head. */
    private static final class PeekCh {
        int head;
        final Channel<Integer> ch;

        PeekCh(int head, Channel<Integer> ch) {
            this.head = head;
            this.ch = ch;
        }
    }

    /**
     * A channel that serves as a sending proxy to out: a goroutine stores what it receives in a growing
     * buffer, so that sending to the proxy never blocks for long. Its select disables the output case by
     * using the nil channel while the buffer is empty.
     */
    private static SendChannel<Integer> sendProxy(GoTestGoroutines g, SendChannel<Integer> out) {
        Channel<Integer> proxy = Channel.make(10);
        g.go(() -> {
            ArrayDeque<Integer> buffer = new ArrayDeque<>();
            while (true) {
                SendChannel<Integer> c = buffer.isEmpty() ? Channel.nil() : out;
                int e = buffer.isEmpty() ? 0 : buffer.peekFirst();
                select(proxy.onReceiveDo(buffer::addLast), c.onSend(e, buffer::removeFirst));
            }
        });
        return proxy;
    }

    /** The primes, as a channel. */
    private static Channel<Integer> eratosthenes(GoTestGoroutines g) throws InterruptedException {
        Channel<Integer> out = Channel.make(10);
        out.send(2);
        out.send(3);

        // The channel of all composites to be eliminated, in increasing order.
        Channel<Integer> composites = Channel.make(50);

        // The feedback loop.
        Channel<Integer> primes = Channel.make(10);
        primes.send(3);

        // Merge channels of multiples of primes into composites.
        g.go(() -> {
            PriorityQueue<PeekCh> h = new PriorityQueue<>(Comparator.comparingInt((PeekCh p) -> p.head));
            int min = 15;
            while (true) {
                Channel<Integer> m = multiples(g, primes.receive());
                int head = m.receive();
                while (min < head) {
                    composites.send(min);
                    PeekCh minchan = h.remove();
                    min = minchan.head;
                    minchan.head = minchan.ch.receive();
                    h.add(minchan);
                }
                while (min == head) {
                    PeekCh minchan = h.remove();
                    min = minchan.head;
                    minchan.head = minchan.ch.receive();
                    h.add(minchan);
                }
                composites.send(head);
                h.add(new PeekCh(m.receive(), m));
            }
        });

        // Sieve out composites from candidates.
        g.go(() -> {
            // Only multiples of primes up to sqrt(nth prime) are needed, so the merger reads primes much
            // more slowly than this goroutine finds them; the proxy's unbounded buffer prevents deadlock.
            SendChannel<Integer> primesProxy = sendProxy(g, primes);
            Channel<Integer> candidates = odds(g);
            int p = candidates.receive();
            while (true) {
                int c = composites.receive();
                while (p < c) {
                    primesProxy.send(p);
                    out.send(p);
                    p = candidates.receive();
                }
                if (p == c) {
                    p = candidates.receive();
                }
            }
        });
        return out;
    }

    @Test
    @Timeout(30)
    void mergingSieveWithUnboundedProxyYieldsThePrimes() throws Exception {
        try (GoTestGoroutines g = new GoTestGoroutines()) {
            Channel<Integer> primes = eratosthenes(g);
            for (int p : PRIMES_BELOW_100) {
                assertThat(primes.receive()).isEqualTo(p);
            }
            g.rethrowFailures();
        }
    }
}
