package io.chanflow.goport;

import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/powser1.go}: Doug McIlroy's power series, where a series is a demand
 * channel pair (a request channel and a data channel) served by a goroutine, and operators (add, multiply,
 * differentiate, integrate, exponential, substitution) are networks of goroutines, some created lazily and
 * some splitting one stream for two readers at different rates. It exercises unbuffered hand-offs, selects
 * with nil-channel cases ({@code getn}) and thousands of short-lived goroutines. The expected coefficients
 * are Go's.
 *
 * <p>As in Go, operator goroutines run for ever once started; the test interrupts them at the end. Go's
 * global {@code seqno} counter (racy in Go, and only ever sent as a request token) is an atomic here.
 */
@Timeout(60)
class PowerSeriesTest {

    /** A rational; a denominator of zero marks the end of a series. */
    private record Rat(long num, long den) {
        @Override
        public String toString() {
            return den == 1 ? Long.toString(num) : num + "/" + den;
        }
    }

    /** A demand channel: a request on req is answered with one value on dat. */
    private static final class Dch {
        final Channel<Integer> req = Channel.make();
        final Channel<Rat> dat = Channel.make();
    }

    private static final Rat ZERO = itor(0);
    private static final Rat ONE = itor(1);
    private static final Rat FINIS = i2tor(1, 0);
    private static final int N = 10;

    private final AtomicInteger seqno = new AtomicInteger();
    private GoTestGoroutines g;
    private Dch ones;
    private Dch twos;

    @BeforeEach
    void init() {
        g = new GoTestGoroutines();
        ones = rep(ONE);
        twos = rep(itor(2));
    }

    @AfterEach
    void stopSeriesGoroutines() {
        g.close();
    }

    private static Dch[] mkdch2() {
        return new Dch[] {new Dch(), new Dch()};
    }

    // ---------------------------------------------------------------------------------------------
    // Plumbing
    // ---------------------------------------------------------------------------------------------

    /*
     * split reads a single demand channel and replicates its output onto two, which may be read at
     * different rates. A goroutine is created at first demand for a value and dies after the value has been
     * sent to both outputs. When several generations exist, the newest serves requests on out[0] (the
     * channels are swapped, in the array shared by all generations, to make it so); the oldest serves
     * out[1]. All but the newest hold data already sent to out[0]. When data has finally been sent to
     * out[1], a signal on the release channel lets the next newer generation serve out[1].
     */
    private void dosplit(Dch in, Dch[] out, Channel<Integer> wait) throws InterruptedException {
        boolean both = false; // do not serve both channels
        int first = select(out[0].req.onReceive(v -> 0), wait.onReceive(v -> 1));
        if (first == 1) {
            both = true;
            int which = select(out[0].req.onReceive(v -> 0), out[1].req.onReceive(v -> 1));
            if (which == 1) {
                Dch t = out[0];
                out[0] = out[1];
                out[1] = t;
            }
        }
        in.req.send(seqno.incrementAndGet());
        Channel<Integer> release = Channel.make();
        g.go(() -> dosplit(in, out, release));
        Rat dat = in.dat.receive();
        out[0].dat.send(dat);
        if (!both) {
            wait.receive();
        }
        out[1].req.receive();
        out[1].dat.send(dat);
        release.send(0);
    }

    private void split(Dch in, Dch[] out) throws InterruptedException {
        Channel<Integer> release = Channel.make();
        g.go(() -> dosplit(in, out, release));
        release.send(0);
    }

    private static void put(Rat dat, Dch out) throws InterruptedException {
        out.req.receive();
        out.dat.send(dat);
    }

    private Rat get(Dch in) throws InterruptedException {
        in.req.send(seqno.incrementAndGet());
        return in.dat.receive();
    }

    /**
     * Gets one value from each of two demand channels, in whatever order they become ready: a select over
     * two request sends and two data receives, where a case is disabled (nil channel) once done or before
     * its request was sent.
     */
    private Rat[] get2(Dch in0, Dch in1) throws InterruptedException {
        Dch[] in = {in0, in1};
        @SuppressWarnings({"unchecked", "rawtypes"})
        Channel<Integer>[] req = new Channel[] {in0.req, in1.req};
        @SuppressWarnings({"unchecked", "rawtypes"})
        Channel<Rat>[] dat = new Channel[] {Channel.nil(), Channel.nil()};
        Rat[] out = new Rat[2];
        for (int n = 4; n > 0; n--) {
            int s = seqno.incrementAndGet();
            select(
                    req[0].onSend(s, () -> {
                        dat[0] = in[0].dat;
                        req[0] = Channel.nil();
                    }),
                    req[1].onSend(s, () -> {
                        dat[1] = in[1].dat;
                        req[1] = Channel.nil();
                    }),
                    dat[0].onReceiveDo(it -> {
                        out[0] = it;
                        dat[0] = Channel.nil();
                    }),
                    dat[1].onReceiveDo(it -> {
                        out[1] = it;
                        dat[1] = Channel.nil();
                    }));
        }
        return out;
    }

    private void copy(Dch in, Dch out) throws InterruptedException {
        while (true) {
            out.req.receive();
            out.dat.send(get(in));
        }
    }

    private Dch rep(Rat c) {
        Dch z = new Dch();
        g.go(() -> {
            while (true) {
                put(c, z);
            }
        });
        return z;
    }

    // ---------------------------------------------------------------------------------------------
    // Rational arithmetic
    // ---------------------------------------------------------------------------------------------

    private static long gcd(long u, long v) {
        if (u < 0) {
            return gcd(-u, v);
        }
        if (u == 0) {
            return v;
        }
        return gcd(v % u, u);
    }

    private static Rat i2tor(long u, long v) {
        long g = gcd(u, v);
        return v > 0 ? new Rat(u / g, v / g) : new Rat(-u / g, -v / g);
    }

    private static Rat itor(long u) {
        return i2tor(u, 1);
    }

    private static boolean end(Rat u) {
        return u.den() == 0;
    }

    private static Rat add(Rat u, Rat v) {
        long g = gcd(u.den(), v.den());
        return i2tor(u.num() * (v.den() / g) + v.num() * (u.den() / g), u.den() * (v.den() / g));
    }

    private static Rat mul(Rat u, Rat v) {
        long g1 = gcd(u.num(), v.den());
        long g2 = gcd(u.den(), v.num());
        return new Rat((u.num() / g1) * (v.num() / g2), (u.den() / g2) * (v.den() / g1));
    }

    private static Rat neg(Rat u) {
        return i2tor(-u.num(), u.den());
    }

    // ---------------------------------------------------------------------------------------------
    // Power series operators
    // ---------------------------------------------------------------------------------------------

    private Dch[] splitSeries(Dch u) {
        Dch[] uu = mkdch2();
        g.go(() -> split(u, uu));
        return uu;
    }

    private Dch addSeries(Dch u, Dch v) {
        Dch z = new Dch();
        g.go(() -> {
            while (true) {
                z.req.receive();
                Rat[] uv = get2(u, v);
                switch ((end(uv[0]) ? 1 : 0) + 2 * (end(uv[1]) ? 1 : 0)) {
                    case 0 -> z.dat.send(add(uv[0], uv[1]));
                    case 1 -> {
                        z.dat.send(uv[1]);
                        copy(v, z);
                    }
                    case 2 -> {
                        z.dat.send(uv[0]);
                        copy(u, z);
                    }
                    default -> z.dat.send(FINIS);
                }
            }
        });
        return z;
    }

    private Dch cmul(Rat c, Dch u) {
        Dch z = new Dch();
        g.go(() -> {
            boolean done = false;
            while (!done) {
                z.req.receive();
                Rat x = get(u);
                if (end(x)) {
                    done = true;
                } else {
                    z.dat.send(mul(c, x));
                }
            }
            z.dat.send(FINIS);
        });
        return z;
    }

    private Dch sub(Dch u, Dch v) {
        return addSeries(u, cmul(neg(ONE), v));
    }

    private Dch mulSeries(Dch u, Dch v) {
        Dch z = new Dch();
        g.go(() -> {
            z.req.receive();
            Rat[] uv = get2(u, v);
            if (end(uv[0]) || end(uv[1])) {
                z.dat.send(FINIS);
            } else {
                z.dat.send(mul(uv[0], uv[1]));
                Dch[] uu = splitSeries(u);
                Dch[] vv = splitSeries(v);
                Dch w = addSeries(cmul(uv[0], vv[0]), cmul(uv[1], uu[0]));
                z.req.receive();
                z.dat.send(get(w));
                copy(addSeries(w, mulSeries(uu[1], vv[1])), z);
            }
        });
        return z;
    }

    private Dch diff(Dch u) {
        Dch z = new Dch();
        g.go(() -> {
            z.req.receive();
            Rat x = get(u);
            if (!end(x)) {
                boolean done = false;
                for (int i = 1; !done; i++) {
                    x = get(u);
                    if (end(x)) {
                        done = true;
                    } else {
                        z.dat.send(mul(itor(i), x));
                        z.req.receive();
                    }
                }
            }
            z.dat.send(FINIS);
        });
        return z;
    }

    private Dch integ(Rat c, Dch u) {
        Dch z = new Dch();
        g.go(() -> {
            put(c, z);
            boolean done = false;
            for (int i = 1; !done; i++) {
                z.req.receive();
                Rat x = get(u);
                if (end(x)) {
                    done = true;
                }
                z.dat.send(mul(i2tor(1, i), x));
            }
            z.dat.send(FINIS);
        });
        return z;
    }

    /** exp(U) for U with constant term 0: Z = exp(U), DZ = Z*DU, integrated. */
    private Dch exp(Dch u) throws InterruptedException {
        Dch[] zz = mkdch2();
        split(integ(ONE, mulSeries(zz[0], diff(u))), zz);
        return zz[1];
    }

    /** Monomial substitution U(c x^n): each Ui is multiplied by c^i and followed by n-1 zeros. */
    private Dch monSubst(Dch u, Rat c0, int n) {
        Dch z = new Dch();
        g.go(() -> {
            Rat c = ONE;
            while (true) {
                z.req.receive();
                Rat x = get(u);
                z.dat.send(mul(x, c));
                c = mul(c, c0);
                if (end(x)) {
                    z.dat.send(FINIS);
                    break;
                }
                for (int i = 1; i < n; i++) {
                    z.req.receive();
                    z.dat.send(ZERO);
                }
            }
        });
        return z;
    }

    // ---------------------------------------------------------------------------------------------
    // Checks
    // ---------------------------------------------------------------------------------------------

    private void check(Dch u, Rat c, int count, String what) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            assertThat(get(u)).as("%s, term %d", what, i).isEqualTo(c);
        }
    }

    private void checka(Dch u, Rat[] a, String what) throws InterruptedException {
        for (int i = 0; i < N; i++) {
            assertThat(get(u)).as("%s, term %d", what, i).isEqualTo(a[i]);
        }
        g.rethrowFailures();
    }

    @Test
    @Timeout(60)
    void constantAndArithmeticSeries() throws Exception {
        check(ones, ONE, 5, "Ones");
        check(addSeries(ones, twos), itor(3), 5, "Add Ones Twos"); // 3 3 3 3 3 (Go checks 0 terms)
        check(cmul(neg(ONE), twos), itor(-2), 10, "CMul"); // -2 -2 -2 -2 -2
        check(sub(ones, twos), itor(-1), 5, "Sub Ones Twos"); // -1 -1 -1 -1 -1 (Go checks 0 terms)
        g.rethrowFailures();
    }

    @Test
    @Timeout(60)
    void derivativeAndIntegralOfOnes() throws Exception {
        Rat[] a = new Rat[N];
        for (int i = 0; i < N; i++) {
            a[i] = itor(i + 1);
        }
        checka(diff(ones), a, "Diff"); // 1 2 3 4 5

        a[0] = ZERO; // integration constant
        for (int i = 1; i < N; i++) {
            a[i] = i2tor(1, i);
        }
        checka(integ(ZERO, ones), a, "Integ"); // 0 1 1/2 1/3 1/4 1/5
    }

    @Test
    @Timeout(60)
    void productOfOnesWithItself() throws Exception {
        Rat[] a = new Rat[N];
        for (int i = 0; i < N; i++) {
            a[i] = itor(i + 1);
        }
        checka(mulSeries(ones, ones), a, "Mul"); // 1 2 3 4 5
    }

    @Test
    @Timeout(60)
    void exponentialOfOnes() throws Exception {
        Rat[] a = {
            itor(1), itor(1), i2tor(3, 2), i2tor(13, 6), i2tor(73, 24), i2tor(167, 40), i2tor(4051, 720),
            i2tor(37633, 5040), i2tor(43817, 4480), i2tor(4596553, 362880)};
        checka(exp(ones), a, "Exp"); // 1 1 3/2 13/6 73/24
    }

    @Test
    @Timeout(60)
    void arctangentByMonomialSubstitutionAndIntegration() throws Exception {
        Rat[] a = new Rat[N];
        for (int c = 1, i = 0; i < N; i++) {
            if (i % 2 == 0) {
                a[i] = ZERO;
            } else {
                a[i] = i2tor(c, i);
                c *= -1;
            }
        }
        checka(integ(ZERO, monSubst(ones, neg(ONE), 2)), a, "ATan"); // 0 1 0 -1/3 0 1/5
    }
}
