package io.chanflow.benchmarks;

/**
 * Batch sizes. The full sizes are those of issue 6; {@code -Dchanflow.bench.scale=0.01} (the smoke run of
 * {@code run.sh --smoke}) shrinks every batch so the whole suite finishes in seconds. Results are normalised
 * per item (see {@link Items}), so a scaled run still reports comparable units.
 */
final class Size {
    private Size() {}

    static final double SCALE = Double.parseDouble(System.getProperty("chanflow.bench.scale", "1"));

    /** {@code full} scaled, at least 1. */
    static int of(int full) {
        return (int) Math.max(1, Math.round(full * SCALE));
    }

    /** {@code full} scaled and rounded down to a multiple of {@code multiple}, at least {@code multiple}. */
    static int of(int full, int multiple) {
        return Math.max(multiple, of(full) / multiple * multiple);
    }
}
