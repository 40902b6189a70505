package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.NR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * B's panels, packed by the vector copies and transposes, hold exactly what the documented layout says:
 * {@code dst[p*NR + j] = op(B)[kb + p][j0 + j]}, zero past the last column, and nothing past the panel is
 * touched. Shapes cover whole 16-k blocks with and without a tail, a narrow last panel, and an
 * offset column and k range.
 */
class PackBTest {

    @Test
    void panelsFollowTheLayoutForBAndBTransposed() {
        SplittableRandom rng = new SplittableRandom(12);
        // k, n, kb, kc, j0, nc
        int[][] cases = {{16, NR, 0, 16, 0, NR}, {50, 2 * NR + 3, 3, 40, NR, NR}, {35, NR + 7, 0, 35, NR, 7},
                {7, NR, 0, 7, 0, NR}, {100, 3 * NR, 17, 66, 2 * NR, NR}};
        for (int[] c : cases) {
            int k = c[0], n = c[1], kb = c[2], kc = c[3], j0 = c[4], nc = c[5];
            float[] b = new float[k * n];
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) rng.nextDouble(-1, 1);
            }
            for (boolean transB : new boolean[] {false, true}) {
                int ldb = transB ? k : n; // B^T is stored n x k
                float[] expected = new float[kc * NR], actual = new float[kc * NR + 5];
                Arrays.fill(actual, Float.NaN); // every slot of the panel must be written, no other
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < NR; j++) {
                        int q = kb + p, col = j0 + j;
                        expected[p * NR + j] = j < nc ? (transB ? b[col * ldb + q] : b[q * ldb + col]) : 0f;
                    }
                }
                PackB.pack(transB, b, ldb, kb, kc, j0, nc, actual);
                String what = (transB ? "B^T " : "B ") + Arrays.toString(c);
                assertArrayEquals(expected, Arrays.copyOf(actual, expected.length), what);
                for (int i = expected.length; i < actual.length; i++) {
                    assertTrue(Float.isNaN(actual[i]), what + " wrote slot " + i);
                }
            }
        }
    }
}
