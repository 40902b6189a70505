package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.MR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A's tiles, packed by the vector copies and transposes, hold exactly what the documented layout says:
 * {@code dst[t*kc*MR + p*MR + r] = alpha * op(A)[m0 + t*MR + r][kb + p]}, zero past the last row. Shapes
 * cover whole 16-k blocks with and without a tail, a short last tile, and an offset row and k range.
 */
class PackATest {

    @Test
    void tilesFollowTheLayoutForAAndATransposed() {
        SplittableRandom rng = new SplittableRandom(11);
        // m, k, m0, m1, kb, kc
        int[][] cases = {{8, 16, 0, 8, 0, 16}, {16, 40, 0, 16, 3, 35}, {21, 50, 5, 21, 0, 50}, {9, 7, 0, 9, 0, 7},
                {40, 100, 8, 37, 17, 66}};
        for (int[] c : cases) {
            int m = c[0], k = c[1], m0 = c[2], m1 = c[3], kb = c[4], kc = c[5];
            float[] a = new float[m * k];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rng.nextDouble(-1, 1);
            }
            for (boolean transA : new boolean[] {false, true}) {
                int lda = transA ? m : k, tiles = (m1 - m0 + MR - 1) / MR;
                float[] expected = new float[tiles * kc * MR], actual = new float[expected.length + 5];
                Arrays.fill(actual, Float.NaN); // every slot of the tiles must be written
                for (int t = 0; t < tiles; t++) {
                    for (int p = 0; p < kc; p++) {
                        for (int r = 0; r < MR; r++) {
                            int i = m0 + t * MR + r, q = kb + p;
                            expected[t * kc * MR + p * MR + r] = i < m1 ? 0.75f * (transA ? a[q * lda + i] : a[i * lda + q]) : 0f;
                        }
                    }
                }
                PackA.pack(transA, 0.75f, a, lda, m0, m1, kb, kc, actual);
                assertArrayEquals(expected, Arrays.copyOf(actual, expected.length),
                        (transA ? "A^T " : "A ") + Arrays.toString(c));
            }
        }
    }
}
