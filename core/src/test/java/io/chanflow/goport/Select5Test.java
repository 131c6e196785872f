package io.chanflow.goport;

import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.chanflow.Channel;
import io.chanflow.SelectCase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/select5.go}, which generates a program exercising every combination of
 * one real send or receive phrased as a plain operation or as a select with optional default cases (before
 * or after the real case), never-ready cases on an unbuffered {@code dummy} channel and on a nil channel.
 *
 * <p>Instead of generating source, the port walks the same decision tree at run time with the same
 * enumerator ({@code choose}/{@code maybe}/{@code next}), building the select's case list for each path, and
 * runs each of Go's five templates: {@code recv}, {@code send}, {@code recvOrder}, {@code sendOrder} and
 * {@code nonblock}. The channel is buffered, so every path is single-threaded, as in Go. Each test also
 * checks the number of paths walked (1,045 in all), which pins down the enumeration.
 *
 * <p>Adaptations: Go's different receive targets (variable, pointer, {@code :=}, interface, map element)
 * become the Java case forms ({@code onReceiveDo}, {@code onReceiveOkDo}, {@code onReceive},
 * {@code onReceiveOk}, and a body storing into a map). The order-of-evaluation templates check that case
 * channels and send values are evaluated in order when the select's arguments are built, and that a case's
 * body (Go's receive target) runs only after that, and only for the chosen case.
 */
@Timeout(60)
class Select5Test {

    /** Go's path enumerator: on successive runs, choose(n) returns 0..n-1 along every path. */
    private static final class Paths {
        private final List<int[]> choices = new ArrayList<>(); // {chosen, n}
        private int cp = -1;
        private boolean def;
        int paths;

        boolean maybe() {
            return choose(2) == 0;
        }

        int choose(int n) {
            if (cp >= choices.size()) {
                choices.add(new int[] {0, n});
                cp = choices.size();
                return 0;
            }
            int[] c = choices.get(cp);
            if (n != c[1]) {
                throw new IllegalStateException("inconsistent choices");
            }
            cp++;
            return c[0];
        }

        boolean next() {
            def = false;
            if (cp < 0) {
                cp = 0;
                paths++;
                return true;
            }
            cp = choices.size() - 1;
            while (cp >= 0 && choices.get(cp)[0] == choices.get(cp)[1] - 1) {
                cp--;
            }
            if (cp < 0) {
                choices.clear();
                return false;
            }
            choices.get(cp)[0]++;
            choices.subList(cp + 1, choices.size()).clear();
            cp = 0;
            paths++;
            return true;
        }

        /** At most one default per select: maybe add one, unless one was already added. */
        boolean maybeDefault() {
            if (def) {
                return false;
            }
            def = maybe();
            return def;
        }

        boolean mustDefault() {
            return !def;
        }
    }

    // The generated program's globals.
    private final Channel<Integer> c = Channel.make(1);
    private final Channel<Integer> nilch = Channel.nil();
    private final Channel<Integer> dummy = Channel.make();
    private final Map<Integer, Integer> m = new HashMap<>();
    private final int[] x = new int[1];
    private int n = 1;
    private Object iface;
    private int order;

    private static void die(String why) {
        throw new AssertionError(why);
    }

    /** Checks that successive calls have increasing o values. */
    private void checkorder(int o) {
        if (o <= order) {
            throw new AssertionError("invalid order " + o + " after " + order);
        }
        order = o;
    }

    private Channel<Integer> fc(Channel<Integer> ch, int o) {
        checkorder(o);
        return ch;
    }

    private int[] fp(int[] p, int o) {
        checkorder(o);
        return p;
    }

    private int fn(int v, int o) {
        checkorder(o);
        return v;
    }

    private void checkAndAdvance() {
        assertThat(x[0]).as("have %d want %d", x[0], n).isEqualTo(n);
        n++;
    }

    private static void runSelect(List<SelectCase<?>> cases) throws InterruptedException {
        select(cases.toArray(new SelectCase<?>[0]));
    }

    /** Adds the never-ready dummy and nil cases that keep a select from being simplified. */
    private void maybeIdleCases(Paths a, List<SelectCase<?>> cases) {
        if (a.maybe()) {
            cases.add(dummy.onSend(1, () -> die("dummy send")));
        }
        if (a.maybe()) {
            cases.add(dummy.onReceiveDo(v -> die("dummy receive")));
        }
        if (a.maybe()) {
            cases.add(nilch.onSend(1, () -> die("nilch send")));
        }
        if (a.maybe()) {
            cases.add(nilch.onReceiveDo(v -> die("nilch recv")));
        }
    }

    @Test
    void everyWayOfReceivingOneValueReceivesIt() throws Exception {
        Paths a = new Paths();
        while (a.next()) {
            c.send(n);
            if (a.maybe()) {
                x[0] = c.receive();
            } else {
                List<SelectCase<?>> cases = new ArrayList<>();
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                if (a.maybe()) {
                    cases.add(c.onReceiveDo(v -> x[0] = v));
                } else if (a.maybe()) {
                    cases.add(c.onReceiveOkDo(r -> x[0] = r.value()));
                } else if (a.maybe()) {
                    cases.add(c.onReceive(y -> x[0] = y));
                } else if (a.maybe()) {
                    cases.add(c.onReceiveOk(r -> {
                        iface = r.value();
                        x[0] = (Integer) iface;
                        return r;
                    }));
                } else {
                    cases.add(c.onReceiveDo(v -> {
                        m.put(13, v);
                        x[0] = m.get(13);
                    }));
                }
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                maybeIdleCases(a, cases);
                runSelect(cases);
            }
            checkAndAdvance();
        }
        assertThat(a.paths).as("paths walked").isEqualTo(241);
    }

    @Test
    void everyWayOfReceivingOneValueEvaluatesOperandsBeforeTargets() throws Exception {
        Paths a = new Paths();
        while (a.next()) {
            order = 0;
            c.send(n);
            if (a.maybe()) {
                // Outside select, left to right: the target's address, then the channel.
                fp(x, 1)[0] = fc(c, 2).receive();
            } else if (a.maybe()) {
                m.put(fn(13, 1), fc(c, 2).receive());
                x[0] = m.get(13);
            } else {
                // Inside select the target is assigned only once the case is chosen, so after every
                // channel and send value of the select.
                List<SelectCase<?>> cases = new ArrayList<>();
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                if (a.maybe()) {
                    cases.add(fc(c, 1).onReceiveDo(v -> fp(x, 100)[0] = v));
                } else if (a.maybe()) {
                    cases.add(fc(c, 1).onReceive(y -> x[0] = y));
                } else if (a.maybe()) {
                    cases.add(fc(c, 1).onReceiveDo(v -> {
                        iface = v;
                        x[0] = (Integer) iface;
                    }));
                } else {
                    cases.add(fc(c, 1).onReceiveDo(v -> {
                        m.put(fn(13, 100), v);
                        x[0] = m.get(13);
                    }));
                }
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                if (a.maybe()) {
                    cases.add(fc(dummy, 2).onSend(fn(1, 3), () -> die("dummy send")));
                }
                if (a.maybe()) {
                    cases.add(fc(dummy, 4).onReceiveDo(v -> die("dummy receive")));
                }
                if (a.maybe()) {
                    cases.add(fc(nilch, 5).onSend(fn(1, 6), () -> die("nilch send")));
                }
                if (a.maybe()) {
                    cases.add(fc(nilch, 7).onReceiveDo(v -> die("nilch recv")));
                }
                runSelect(cases);
            }
            checkAndAdvance();
        }
        assertThat(a.paths).as("paths walked").isEqualTo(194);
    }

    @Test
    void everyWayOfSendingOneValueSendsIt() throws Exception {
        Paths a = new Paths();
        while (a.next()) {
            if (a.maybe()) {
                c.send(n);
            } else {
                List<SelectCase<?>> cases = new ArrayList<>();
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                cases.add(c.onSend(n, () -> { }));
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                maybeIdleCases(a, cases);
                runSelect(cases);
            }
            x[0] = c.receive();
            checkAndAdvance();
        }
        assertThat(a.paths).as("paths walked").isEqualTo(49);
    }

    @Test
    void everyWayOfSendingOneValueEvaluatesChannelThenValueInOrder() throws Exception {
        Paths a = new Paths();
        while (a.next()) {
            order = 0;
            if (a.maybe()) {
                fc(c, 1).send(fn(n, 2));
            } else {
                List<SelectCase<?>> cases = new ArrayList<>();
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                cases.add(fc(c, 1).onSend(fn(n, 2), () -> { }));
                if (a.maybeDefault()) {
                    cases.add(otherwise(() -> die("nonblock")));
                }
                if (a.maybe()) {
                    cases.add(fc(dummy, 3).onSend(fn(1, 4), () -> die("dummy send")));
                }
                if (a.maybe()) {
                    cases.add(fc(dummy, 5).onReceiveDo(v -> die("dummy receive")));
                }
                if (a.maybe()) {
                    cases.add(fc(nilch, 6).onSend(fn(1, 7), () -> die("nilch send")));
                }
                if (a.maybe()) {
                    cases.add(fc(nilch, 8).onReceiveDo(v -> die("nilch recv")));
                }
                runSelect(cases);
            }
            x[0] = c.receive();
            checkAndAdvance();
        }
        assertThat(a.paths).as("paths walked").isEqualTo(49);
    }

    @Test
    void nonBlockingSelectsOverNeverReadyCasesTakeDefaultAndTouchNoTarget() throws Exception {
        Paths a = new Paths();
        while (a.next()) {
            x[0] = n;
            List<SelectCase<?>> cases = new ArrayList<>();
            if (a.maybeDefault()) {
                cases.add(otherwise(() -> { }));
            }
            if (a.maybe()) {
                cases.add(dummy.onSend(1, () -> die("dummy <- 1")));
            }
            if (a.maybe()) {
                cases.add(nilch.onSend(1, () -> die("nilch <- 1")));
            }
            if (a.maybe()) {
                cases.add(dummy.onReceiveDo(v -> die("<-dummy")));
            }
            if (a.maybe()) {
                cases.add(dummy.onReceiveDo(v -> {
                    x[0] = v;
                    die("<-dummy x");
                }));
            }
            if (a.maybe()) {
                // Go: case **(**int)(nil) = <-dummy: the target must not even be computed.
                cases.add(dummy.onReceiveDo(v -> {
                    int[] nowhere = null;
                    nowhere[0] = v;
                }));
            }
            if (a.maybe()) {
                cases.add(nilch.onReceiveDo(v -> die("<-nilch")));
            }
            if (a.maybe()) {
                cases.add(nilch.onReceiveDo(v -> {
                    x[0] = v;
                    die("<-nilch x");
                }));
            }
            if (a.maybe()) {
                cases.add(nilch.onReceiveDo(v -> {
                    int[] nowhere = null;
                    nowhere[0] = v;
                }));
            }
            if (a.mustDefault()) {
                cases.add(otherwise(() -> { }));
            }
            runSelect(cases);
            checkAndAdvance();
        }
        assertThat(a.paths).as("paths walked").isEqualTo(512);
    }
}
