package io.chanflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Select's random case order (Select.packedPermutation) must be a uniformly random permutation: rule 8's
 * uniform choice among ready cases rests on it. Statistically bounded: each chi-square bound below is
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
}
