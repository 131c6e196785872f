package io.chanflow.samples;

import static io.chanflow.Go.go;
import static io.chanflow.Go.select;

import io.chanflow.Channel;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.processors.ReplayProcessor;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * McIlroy's power series (after Go's test/chan/powser1.go): a series is a demand-driven stream of rational
 * coefficients, each operator a goroutine computing a coefficient only when asked; Exp is defined by
 * feedback and splits its own output. As in Go, the goroutines are left parked at the end. The reactive
 * forms are lazy streams too: sums are {@code zip}, products a running convolution ({@code scanWith}), and
 * Exp's feedback is a replaying sink that the series feeds and reads back.
 */
public final class PowerSeries implements Sample {
    @Override
    public String name() {
        return "power-series";
    }

    record Rat(long num, long den) {
        static final Rat ONE = of(1, 1);
        static final Rat ZERO = of(0, 1);

        static long gcd(long a, long b) {
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return Math.abs(a);
        }

        static Rat of(long num, long den) {
            long g = gcd(num, den);
            if (den < 0) {
                g = -g;
            }
            return new Rat(num / g, den / g);
        }

        Rat add(Rat b) {
            return of(num * b.den + b.num * den, den * b.den);
        }

        Rat mul(Rat b) {
            return of(num * b.num, den * b.den);
        }

        @Override
        public String toString() {
            return den == 1 ? String.valueOf(num) : num + "/" + den;
        }
    }

    private static final Object DEMAND = new Object(); // Go's struct{}{}

    /** A power series: ask for the next coefficient on req, receive it on dat. */
    record PS(Channel<Object> req, Channel<Rat> dat) {
        static PS make() {
            return new PS(Channel.make(), Channel.make());
        }

        Rat get() throws InterruptedException {
            req.send(DEMAND);
            return dat.receive();
        }
    }

    static void copy(PS in, PS out) throws InterruptedException {
        while (true) {
            out.req().receive();
            out.dat().send(in.get());
        }
    }

    /**
     * Serves two readers of u at their own pace, fetching on demand and queueing for the one behind; the
     * fetch runs in its own goroutine so that split keeps serving meanwhile (Exp's fetch needs split).
     */
    static void split(PS u, PS[] z) throws InterruptedException {
        List<ArrayDeque<Rat>> queue = List.of(new ArrayDeque<>(), new ArrayDeque<>());
        boolean[] waiting = new boolean[2];
        Channel<Rat> fetched = Channel.make();
        boolean fetching = false;
        while (true) {
            Rat got = select(
                    z[0].req().onReceive(x -> {
                        waiting[0] = true;
                        return null;
                    }),
                    z[1].req().onReceive(x -> {
                        waiting[1] = true;
                        return null;
                    }),
                    fetched.onReceive(r -> r));
            if (got != null) {
                fetching = false;
                queue.get(0).add(got);
                queue.get(1).add(got);
            }
            for (int s = 0; s < 2; s++) {
                if (waiting[s] && !queue.get(s).isEmpty()) {
                    z[s].dat().send(queue.get(s).poll());
                    waiting[s] = false;
                }
            }
            if (!fetching && (waiting[0] || waiting[1])) {
                fetching = true;
                go(() -> fetched.send(u.get()));
            }
        }
    }

    static PS[] split(PS u) {
        PS[] z = {PS.make(), PS.make()};
        go(() -> split(u, z));
        return z;
    }

    /** c, c, c, ... */
    static PS rep(Rat c) {
        PS z = PS.make();
        go(() -> {
            while (true) {
                z.req().receive();
                z.dat().send(c);
            }
        });
        return z;
    }

    static PS add(PS u, PS v) {
        PS z = PS.make();
        go(() -> {
            while (true) {
                z.req().receive();
                z.dat().send(u.get().add(v.get()));
            }
        });
        return z;
    }

    /** Multiplies by the constant c. */
    static PS cmul(Rat c, PS u) {
        PS z = PS.make();
        go(() -> {
            while (true) {
                z.req().receive();
                z.dat().send(c.mul(u.get()));
            }
        });
        return z;
    }

    /** With U = u + x*UU and V = v + x*VV: UV = u*v + x*(u*VV + v*UU) + x^2*UU*VV. */
    static PS mul(PS u, PS v) {
        PS z = PS.make();
        go(() -> {
            z.req().receive();
            Rat u0 = u.get(), v0 = v.get();
            z.dat().send(u0.mul(v0));
            PS[] uu = split(u), vv = split(v);
            PS w = add(cmul(u0, vv[0]), cmul(v0, uu[0]));
            z.req().receive();
            z.dat().send(w.get());
            copy(add(w, mul(uu[1], vv[1])), z);
        });
        return z;
    }

    static PS diff(PS u) {
        PS z = PS.make();
        go(() -> {
            z.req().receive();
            u.get(); // the constant term vanishes
            for (long i = 1; ; i++) {
                z.dat().send(Rat.of(i, 1).mul(u.get()));
                z.req().receive();
            }
        });
        return z;
    }

    /** Integrates, with c the constant of integration. */
    static PS integ(Rat c, PS u) {
        PS z = PS.make();
        go(() -> {
            z.req().receive();
            z.dat().send(c);
            for (long i = 1; ; i++) {
                z.req().receive();
                z.dat().send(Rat.of(1, i).mul(u.get()));
            }
        });
        return z;
    }

    /** exp(U) for U with a zero constant term (the constant term is ignored): Z' = Z*U'. */
    static PS exp(PS u) {
        PS[] zz = {PS.make(), PS.make()};
        PS z = integ(Rat.ONE, mul(zz[0], diff(u)));
        go(() -> split(z, zz));
        return zz[1];
    }

    static String line(String name, List<Rat> terms) {
        return String.format("%-15s%s", name + ":",
                terms.stream().map(Rat::toString).collect(Collectors.joining(" ")));
    }

    static void printn(PrintStream out, String name, PS u, int n) throws InterruptedException {
        List<Rat> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            terms.add(u.get());
        }
        out.println(line(name, terms));
    }

    @Override
    public void channels(PrintStream out) throws InterruptedException {
        Rat ones = Rat.ONE;
        printn(out, "1/(1-x)", rep(ones), 10);
        printn(out, "1/(1-x)^2", mul(rep(ones), rep(ones)), 10);
        printn(out, "-log(1-x)", integ(Rat.ZERO, rep(ones)), 10);
        printn(out, "exp(x/(1-x))", exp(rep(ones)), 10);
    }

    // ---------------------------------------------------------------------------------------------
    // Reactor
    // ---------------------------------------------------------------------------------------------

    /** The coefficients seen so far of two series, and their product's: c_n = sum of u_k * v_(n-k). */
    static final class Convolution {
        final List<Rat> u = new ArrayList<>(), v = new ArrayList<>();
        Rat last;

        Convolution next(Rat un, Rat vn) {
            u.add(un);
            v.add(vn);
            int n = u.size() - 1;
            last = Rat.ZERO;
            for (int k = 0; k <= n; k++) {
                last = last.add(u.get(k).mul(v.get(n - k)));
            }
            return this;
        }
    }

    static Flux<Rat> mul(Flux<Rat> u, Flux<Rat> v) {
        return Flux.zip(u, v).scanWith(Convolution::new, (c, uv) -> c.next(uv.getT1(), uv.getT2()))
                .skip(1).map(c -> c.last);
    }

    static Flux<Rat> diff(Flux<Rat> u) {
        return u.index((i, un) -> Rat.of(i, 1).mul(un)).skip(1);
    }

    static Flux<Rat> integ(Rat c, Flux<Rat> u) {
        return Flux.concat(Mono.just(c), u.index((i, un) -> Rat.of(1, i + 1).mul(un)));
    }

    static Flux<Rat> exp(Flux<Rat> u) {
        return Flux.defer(() -> {
            Sinks.Many<Rat> z = Sinks.unsafe().many().replay().all(); // Z, read back by its own definition
            return integ(Rat.ONE, mul(z.asFlux(), diff(u))).doOnNext(z::tryEmitNext);
        });
    }

    static String reactorLine(String name, Flux<Rat> u) {
        return line(name, u.take(10).collectList().block());
    }

    @Override
    public void reactor(PrintStream out) {
        Flux<Rat> ones = Flux.generate(sink -> sink.next(Rat.ONE));
        out.println(reactorLine("1/(1-x)", ones));
        out.println(reactorLine("1/(1-x)^2", mul(ones, ones)));
        out.println(reactorLine("-log(1-x)", integ(Rat.ZERO, ones)));
        out.println(reactorLine("exp(x/(1-x))", exp(ones)));
    }

    // ---------------------------------------------------------------------------------------------
    // RxJava
    // ---------------------------------------------------------------------------------------------

    static Flowable<Rat> mul(Flowable<Rat> u, Flowable<Rat> v) {
        return Flowable.zip(u, v, List::of).scanWith(Convolution::new, (c, uv) -> c.next(uv.get(0), uv.get(1)))
                .skip(1).map(c -> c.last);
    }

    static Flowable<Rat> diff(Flowable<Rat> u) {
        return u.zipWith(Flowable.rangeLong(0, Long.MAX_VALUE), (un, i) -> Rat.of(i, 1).mul(un)).skip(1);
    }

    static Flowable<Rat> integ(Rat c, Flowable<Rat> u) {
        return Flowable.concat(Flowable.just(c),
                u.zipWith(Flowable.rangeLong(1, Long.MAX_VALUE - 1), (un, i) -> Rat.of(1, i).mul(un)));
    }

    static Flowable<Rat> exp(Flowable<Rat> u) {
        return Flowable.defer(() -> {
            ReplayProcessor<Rat> z = ReplayProcessor.create(); // Z, read back by its own definition
            return integ(Rat.ONE, mul(z, diff(u))).doOnNext(z::onNext);
        });
    }

    static String rxLine(String name, Flowable<Rat> u) {
        return line(name, u.take(10).toList().blockingGet());
    }

    @Override
    public void rx(PrintStream out) {
        Flowable<Rat> ones = Flowable.generate(emitter -> emitter.onNext(Rat.ONE));
        out.println(rxLine("1/(1-x)", ones));
        out.println(rxLine("1/(1-x)^2", mul(ones, ones)));
        out.println(rxLine("-log(1-x)", integ(Rat.ZERO, ones)));
        out.println(rxLine("exp(x/(1-x))", exp(ones)));
    }
}
