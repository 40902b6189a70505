package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SoftmaxRows} by transposed blocks of rows gives the same bits as one row at a time, for every
 * class count up to past {@link SoftmaxRows#BLOCK_COLS}, batches with and without leftover rows, soft
 * targets and logits that overflow a naive softmax. The row path is checked against the reference
 * backend by the conformance suite.
 */
class SoftmaxRowsTest {

    private static final int[] ROWS = {1, Kernel.L - 1, Kernel.L, Kernel.L + 1, 3 * Kernel.L + 5, 128};

    private static float[] logits(SplittableRandom rng, int n) {
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) (rng.nextGaussian() * (i % 7 == 0 ? 60 : 3)); // some near the ends of exp's range
        }
        return z;
    }

    @Test
    void softmaxBlocksEqualRows() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int cols = 1; cols <= SoftmaxRows.BLOCK_COLS + 1; cols++) {
            for (int rows : ROWS) {
                float[] z = logits(rng, rows * cols), bias = logits(rng, cols), zRows = z.clone();
                float[] a = new float[rows * cols], aRows = new float[rows * cols];
                SoftmaxRows.biasSoftmax(z, bias, a, rows, cols);
                SoftmaxRows.biasSoftmaxRows(zRows, bias, aRows, 0, rows, cols);
                String at = rows + " x " + cols;
                assertArrayEquals(zRows, z, 0f, "z + bias, " + at);
                assertArrayEquals(aRows, a, 0f, "softmax, " + at);
            }
        }
    }

    @Test
    void crossEntropyBlocksEqualRows() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int cols = 1; cols <= SoftmaxRows.BLOCK_COLS + 1; cols++) {
            for (int rows : ROWS) {
                float[] z = logits(rng, rows * cols), y = new float[rows * cols];
                for (int i = 0; i < rows; i++) {
                    if (i % 3 == 0) { // soft targets, not summing to 1
                        for (int c = 0; c < cols; c++) {
                            y[i * cols + c] = (float) rng.nextDouble();
                        }
                    } else {
                        y[i * cols + rng.nextInt(cols)] = 1f;
                    }
                }
                float[] g = new float[rows * cols], gRows = new float[rows * cols];
                double loss = SoftmaxRows.crossEntropy(z, y, g, rows, cols);
                double lossRows = SoftmaxRows.crossEntropyRows(z, y, gRows, 0, rows, cols, 0) / rows;
                String at = rows + " x " + cols;
                assertEquals(lossRows, loss, 0.0, "loss, " + at);
                assertArrayEquals(gRows, g, 0f, "gradient, " + at);
            }
        }
    }

    @Test
    void infinitiesAndNaNInABlock() {
        int rows = Kernel.L, cols = 10;
        float[] z = new float[rows * cols], bias = new float[cols];
        z[3] = Float.POSITIVE_INFINITY;
        z[cols + 4] = Float.NaN;
        z[2 * cols + 5] = Float.NEGATIVE_INFINITY;
        float[] zRows = z.clone(), a = new float[rows * cols], aRows = new float[rows * cols];
        SoftmaxRows.biasSoftmax(z, bias, a, rows, cols);
        SoftmaxRows.biasSoftmaxRows(zRows, bias, aRows, 0, rows, cols);
        assertArrayEquals(aRows, a, 0f);
    }
}
