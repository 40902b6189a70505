package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dot-product kernel adds in one fixed order, so its results do not depend on whether the JIT has
 * compiled it yet (reduceLanes(ADD) differs there): checked bit for bit against a scalar oracle that
 * adds in the documented order, through every path (8 x 3 and 4 x 4 blocks, leftover rows and columns, one
 * row).
 */
class DotKernelTest {

    @Test
    void sumsInTheDocumentedOrderOnEveryPath() {
        Assumptions.assumeTrue(DotKernel.AVAILABLE, "16-lane vectors only");
        SplittableRandom rng = new SplittableRandom(5);
        int[][] shapes = {{8, 64, 8}, {7, 35, 6}, {1, 100, 9}, {5, 16, 13}, {13, 1025, 10}, {4, 3, 4},
            {32, 784, 256}, {17, 50, 7}, {12, 33, 3}, {8, 15, 2}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = new float[m * k], b = new float[n * k], c = new float[m * n];
            for (float[] x : new float[][] {a, b, c}) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) rng.nextDouble(-1, 1);
                }
            }
            float[] expected = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    expected[i * n + j] = 0.5f * dot(a, i * k, b, j * k, k) + 1.5f * c[i * n + j];
                }
            }
            if (m == 1) {
                DotKernel.rowRange(0.5f, a, 0, b, k, 0, 1.5f, c, 0, 0, n, k);
            } else {
                DotKernel.block(0.5f, a, k, b, k, 1.5f, c, n, 0, k, 0, m, 0, n, new float[32]);
            }
            for (int i = 0; i < m * n; i++) {
                assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(c[i]),
                        m + "x" + k + "x" + n + ", element " + i + ": " + expected[i] + " vs " + c[i]);
            }
        }
    }

    /** 16 lane sums of fused multiply-adds, folded at distances 8, 4, 2, 1, then the tail element by element. */
    private static float dot(float[] a, int ao, float[] b, int bo, int k) {
        float[] lanes = new float[16];
        int full = k / 16 * 16;
        for (int p = 0; p < full; p++) {
            lanes[p % 16] = Math.fma(a[ao + p], b[bo + p], lanes[p % 16]);
        }
        for (int d = 8; d >= 1; d /= 2) {
            float[] next = new float[16];
            for (int l = 0; l < 16; l++) {
                next[l] = lanes[l] + lanes[l ^ d];
            }
            lanes = next;
        }
        float sum = lanes[0];
        for (int p = full; p < k; p++) {
            sum = Math.fma(a[ao + p], b[bo + p], sum);
        }
        return sum;
    }
}
