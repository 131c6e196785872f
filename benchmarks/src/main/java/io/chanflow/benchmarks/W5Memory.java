package io.chanflow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W5's memory: run once in a fresh JVM per implementation ({@code run.sh} does), with
 * {@code java -cp benchmarks.jar io.chanflow.benchmarks.W5Memory IMPL N}, IMPL one of chanflow, jox, jdk, or
 * chanflowPlainThreads (Chanflow's channel, goroutines started with {@code Thread.startVirtualThread} instead
 * of {@code go}: isolates what {@code go} itself keeps per goroutine).
 * Starts N goroutines that each send one value on one unbuffered channel, waits until all N have called
 * send (so all are blocked), measures, then receives all N. Prints one JSON line:
 * <ul>
 *   <li>{@code peak_rss_mb}: the process's peak resident set (VmHWM) minus its resident set before the
 *       workload, i.e. the peak memory the workload added, comparable with the Go program's figure;</li>
 *   <li>{@code live_heap_mb}: heap in use after a full GC while all N are blocked: what they retain;</li>
 *   <li>{@code seconds}: wall time of the whole workload (this run includes the waiting and the GC, so take
 *       time from JMH's W5Spawn, not from here).</li>
 * </ul>
 */
public final class W5Memory {
    private W5Memory() {}

    public static void main(String[] args) throws Exception {
        String impl = args.length > 0 ? args[0] : "chanflow";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : W5Spawn.GOROUTINES;
        Pipe inner = switch (impl) {
            case "chanflow", "chanflowPlainThreads" -> Pipe.chanflow(0);
            case "jox" -> Pipe.jox(0);
            case "jdk" -> Pipe.jdkQueue(0);
            default -> throw new IllegalArgumentException(
                    "impl: chanflow, chanflowPlainThreads, jox or jdk, not " + impl);
        };
        AtomicInteger calledSend = new AtomicInteger();
        Pipe counting = new Pipe() {
            @Override public void send(Integer value) throws InterruptedException {
                calledSend.incrementAndGet();
                inner.send(value);
            }
            @Override public Integer receive() throws InterruptedException { return inner.receive(); }
            @Override public void close() throws InterruptedException { inner.close(); }
            @Override public long rangeSum() throws InterruptedException { return inner.rangeSum(); }
        };

        System.gc();
        Thread.sleep(200);
        long rssBefore = procStatusKb("VmRSS");
        long heapBefore = heapUsed();
        long[] live = new long[1];
        long[] rssBlocked = new long[1];
        long t0 = System.nanoTime();
        long sum = W5Spawn.spawnAndCollect(counting, n, impl.equals("chanflow"), () -> {
            try {
                while (calledSend.get() < n) {
                    Thread.sleep(5);
                }
                Thread.sleep(200); // let the last ones finish spinning and park
                rssBlocked[0] = procStatusKb("VmRSS");
                System.gc();
                live[0] = heapUsed() - heapBefore;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Check.sum(sum, (long) n * (n - 1) / 2);
        long peak = procStatusKb("VmHWM");
        System.out.printf(Locale.ROOT,
                "{\"impl\": \"%s\", \"n\": %d, \"seconds\": %.3f, \"peak_rss_mb\": %.1f, \"rss_blocked_mb\": %.1f,"
                        + " \"live_heap_mb\": %.1f, \"live_bytes_per_goroutine\": %.0f, \"jvm\": \"%s\"}%n",
                impl, n, seconds, (peak - rssBefore) / 1024.0, (rssBlocked[0] - rssBefore) / 1024.0,
                live[0] / 1048576.0, (double) live[0] / n, Runtime.version());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A field of /proc/self/status in kB (Linux), or -1. */
    static long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
