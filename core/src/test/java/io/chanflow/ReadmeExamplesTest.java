package io.chanflow;

import static io.chanflow.Go.after;
import static io.chanflow.Go.go;
import static io.chanflow.Go.otherwise;
import static io.chanflow.Go.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's snippets, compiled and run, so the README cannot drift from the API. */
@Timeout(30)
@ExtendWith(LeakCheckExtension.class)
class ReadmeExamplesTest {

    @Test
    void firstExample() throws Exception {
        Channel<Integer> jobs = Channel.make(100);
        Channel<String> results = Channel.make();
        go(() -> {
            for (int j = 1; j <= 3; j++) jobs.send(j);
            jobs.close();
        });
        go(() -> {
            for (int j : jobs) results.send("done " + j);
            results.close();
        });
        List<String> out = new ArrayList<>();
        for (String r : results) out.add(r);
        assertThat(out).containsExactly("done 1", "done 2", "done 3");
    }

    @Test
    void unbufferedHandOff() throws Exception {
        Channel<String> ch = Channel.make();
        go(() -> ch.send("ping"));
        String msg = ch.receive();
        assertThat(msg).isEqualTo("ping");
    }

    @Test
    void bufferedProducerConsumer() {
        Channel<Integer> queue = Channel.make(10);
        go(() -> {
            for (int i = 0; i < 100; i++) queue.send(i);
            queue.close();
        });
        int sum = 0;
        for (int v : queue) sum += v;
        assertThat(sum).isEqualTo(4950);
    }

    @Test
    void forSelectWithDoneAndTimeout() throws Exception {
        Channel<Integer> jobs = Channel.make();
        DoneChannel stop = DoneChannel.make();
        Done done = stop.done();
        List<String> log = new ArrayList<>();
        Thread worker = go(() -> {
            for (boolean running = true; running; ) {
                running = select(
                    jobs.onReceive(j -> { log.add("job " + j); return true; }),
                    done.onDone(() -> false),
                    after(Duration.ofSeconds(1), () -> { log.add("idle"); return true; }));
            }
        });
        jobs.send(1);
        jobs.send(2);
        stop.close();
        TestSupport.join(worker);
        assertThat(log).startsWith("job 1", "job 2");
    }

    @Test
    void statementForm() throws Exception {
        Channel<Integer> jobs = Channel.make(1);
        Channel<String> results = Channel.make(1);
        List<String> log = new ArrayList<>();
        String res = "r";
        select(
            jobs.onReceiveDo(j -> log.add("job " + j)),
            results.onSend(res, () -> log.add("sent")),
            otherwise(() -> log.add("nothing ready")));
        assertThat(log).containsExactly("sent");
    }

    @Test
    void nilingACaseOut() throws Exception {
        Channel<Integer> a0 = Channel.make(3);
        Channel<Integer> b0 = Channel.make(3);
        Channel<Integer> out = Channel.make(10);
        a0.send(1);
        a0.send(2);
        b0.send(3);
        a0.close();
        b0.close();
        ReceiveChannel<Integer> a = a0;
        ReceiveChannel<Integer> b = b0;

        ReceiveChannel<Integer> nil = Channel.nil();
        while (a != nil || b != nil) {
            var ra = a; var rb = b;
            int which = select(
                ra.onReceiveOk(r -> { if (r.ok()) out.send(r.value()); return r.ok() ? 0 : 1; }),
                rb.onReceiveOk(r -> { if (r.ok()) out.send(r.value()); return r.ok() ? 0 : 2; }));
            if (which == 1) a = nil;
            if (which == 2) b = nil;
        }

        assertThat(out.len()).isEqualTo(3);
    }
}
