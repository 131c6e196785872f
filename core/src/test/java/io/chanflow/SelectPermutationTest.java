package io.chanflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Select's randomness: its case order (Select.packedPermutation) must be a uniformly random permutation, and
 * its fast path's pick among the cases that look ready (Select.uniform, Select.nthSetBit) uniform: rule 8's
 * uniform choice among ready cases rests on both. Statistically bounded: each chi-square bound below is
 * exceeded by a uniform generator with probability below 1e-9.
 */
class SelectPermutationTest {

    private static int[] unpack(long p, int n) {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = (int) (p >>> (k << 2)) & 15;
        }
        return a;
    }

    @Test
    void everyPackedPermutationIsAPermutation() {
        for (int n = 0; n <= 16; n++) {
            for (int t = 0; t < 1_000; t++) {
                int[] a = unpack(Select.packedPermutation(n), n);
                boolean[] seen = new boolean[n];
                for (int x : a) {
                    assertThat(seen[x]).as("repeat in %s", java.util.Arrays.toString(a)).isFalse();
                    seen[x] = true;
                }
                if (n < 16) {
                    assertThat(Select.packedPermutation(n) >>> (n << 2)).isZero(); // nothing above n slots
                }
            }
        }
    }

    /** All 24 orders of 4 cases equally likely: chi-square with 23 degrees of freedom, bound 88 (p = 1.5e-9). */
    @Test
    void allOrdersOfFourCasesAreEquallyLikely() {
        int samples = 240_000;
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < samples; i++) {
            counts.merge(Select.packedPermutation(4), 1, Integer::sum);
        }
        assertThat(counts).hasSize(24);
        double expected = samples / 24.0;
        double chi2 = counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        assertThat(chi2).isLessThan(88);
    }

    /**
     * With 16 cases, every case is equally likely in every position: per position, chi-square with 15
     * degrees of freedom, bound 75 (p < 1e-9 each, 16 positions).
     */
    @Test
    void withSixteenCasesEveryCaseIsEquallyLikelyInEveryPosition() {
        int samples = 160_000;
        int[][] counts = new int[16][16];
        for (int i = 0; i < samples; i++) {
            int[] a = unpack(Select.packedPermutation(16), 16);
            for (int k = 0; k < 16; k++) {
                counts[k][a[k]]++;
            }
        }
        double expected = samples / 16.0;
        for (int k = 0; k < 16; k++) {
            double chi2 = 0;
            for (int v = 0; v < 16; v++) {
                chi2 += (counts[k][v] - expected) * (counts[k][v] - expected) / expected;
            }
            assertThat(chi2).as("position %d", k).isLessThan(75);
        }
    }
    /**
     * Every value below the bound equally likely, for bounds that are and are not powers of two: chi-square
     * with bound - 1 degrees of freedom, bounds at p < 1e-9.
     */
    @Test
    void uniformDrawsEveryValueBelowTheBoundEquallyOften() {
        int[] bounds = {2, 3, 5, 7, 33, 64};
        double[] limits = {38, 42, 50, 55, 110, 160};
        for (int b = 0; b < bounds.length; b++) {
            int bound = bounds[b];
            int samples = 2_000 * bound;
            int[] counts = new int[bound];
            for (int i = 0; i < samples; i++) {
                counts[Select.uniform(bound)]++; // throws if out of range
            }
            double expected = (double) samples / bound;
            double chi2 = 0;
            for (int c : counts) {
                chi2 += (c - expected) * (c - expected) / expected;
            }
            assertThat(chi2).as("bound %d: %s", bound, java.util.Arrays.toString(counts)).isLessThan(limits[b]);
        }
        assertThat(Select.uniform(1)).isZero();
    }

    @Test
    void nthSetBitFindsTheSetBitsInAscendingOrder() {
        java.util.Random rnd = new java.util.Random(42);
        for (int t = 0; t < 1_000; t++) {
            long mask = rnd.nextLong() | Long.MIN_VALUE; // bit 63 set too
            int k = 0;
            for (int bit = 0; bit < 64; bit++) {
                if ((mask >>> bit & 1) != 0) {
                    assertThat(Select.nthSetBit(mask, k++)).isEqualTo(bit);
                }
            }
        }
    }
}
