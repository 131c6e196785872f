package io.chanflow.samples;

/** Entry point for the runnable Chanflow samples. */
public final class Samples {
    private Samples() {}

    /**
     * Runs the samples.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("Chanflow samples: (none yet)");
    }
}
