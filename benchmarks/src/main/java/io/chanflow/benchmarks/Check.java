package io.chanflow.benchmarks;

/** Sanity checks that a workload really moved every value. */
final class Check {
    private Check() {}

    static void sum(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("checksum " + actual + " != expected " + expected);
        }
    }
}
