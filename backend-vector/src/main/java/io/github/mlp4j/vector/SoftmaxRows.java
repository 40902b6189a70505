package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Row softmax and softmax cross-entropy on vectors: each row is shifted by its maximum, exponentiated with
 * {@link VectorMath#exp} and normalized. A row narrower than a vector (10 classes) is one masked
 * vector, so a batch of 128 rows costs about 128 vector exponentials where the reference loop calls
 * {@code Math.exp} 2,560 times (in the batch-128 step: the softmax 15 us and the loss 25 us on the
 * reference loops). Sums across a row are float, added in order by a scalar loop (a vector's reduceLanes
 * adds in an order that differs between C1 and C2 code); the loss adds the rows in double.
 */
final class SoftmaxRows {

    private SoftmaxRows() {
    }

    /** Initialized on the first call of a kernel here: warms them all up ({@link Warmup#softmax}). */
    private static final class Warm {
        static {
            Warmup.softmax();
        }

        static void ensure() {
        }
    }

    /**
     * {@code z += bias} per row, then {@code a = softmax(z)} per row.
     *
     * @param z modified @param a modified
     */
    static void biasSoftmax(float[] z, float[] bias, float[] a, int rows, int cols) {
        Warm.ensure();
        for (int i = 0; i < rows; i++) {
            int off = i * cols;
            float m = max(z, bias, off, cols);
            VectorMath.exp(z, off, a, off, cols, 1f, -m, false);
            float s = 0f;
            for (int j = off; j < off + cols; j++) {
                s += a[j];
            }
            scale(a, off, cols, 1f / s, null, 0f);
        }
    }

    /**
     * Mean over rows of {@code sum_j y_j (logsumexp(z) - z_j)}, and {@code g = (softmax(z) sum(y) - y) / rows}.
     * Written as {@code y_j (ln s - d_j)} with {@code d = z - max} and {@code s = sum e^d}, every term is small,
     * so a loss near zero keeps its digits at large logits.
     *
     * @param g modified
     */
    static double crossEntropy(float[] z, float[] y, float[] g, int rows, int cols) {
        Warm.ensure();
        float scale = 1f / rows;
        double total = 0;
        for (int i = 0; i < rows; i++) {
            int off = i * cols;
            float m = max(z, null, off, cols);
            VectorMath.exp(z, off, g, off, cols, 1f, -m, false);
            float s = 0f, ys = 0f, yd = 0f;
            for (int j = off; j < off + cols; j++) {
                s += g[j];
                ys += y[j];
                yd += y[j] * (z[j] - m);
            }
            total += ys * Math.log(s) - yd;
            scale(g, off, cols, ys * scale / s, y, scale); // softmax's 1 / s, times sum(y) / rows, minus y / rows
        }
        return total / rows;
    }

    /** {@code z += bias} over one row unless bias is null; returns the row's maximum. @param z modified */
    private static float max(float[] z, float[] bias, int off, int cols) {
        FloatVector max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < cols; j += L) {
            VectorMask<Float> in = S.indexInRange(j, cols);
            FloatVector v = FloatVector.fromArray(S, z, off + j, in);
            if (bias != null) {
                v = v.add(FloatVector.fromArray(S, bias, j, in));
                v.intoArray(z, off + j, in);
            }
            max = max.lanewise(VectorOperators.MAX, v, in);
        }
        return max.reduceLanes(VectorOperators.MAX); // exact in any order
    }

    /** {@code x = x p - y q} over one row ({@code x p} when y is null). @param x modified */
    private static void scale(float[] x, int off, int cols, float p, float[] y, float q) {
        for (int j = 0; j < cols; j += L) {
            VectorMask<Float> in = S.indexInRange(j, cols);
            FloatVector v = FloatVector.fromArray(S, x, off + j, in).mul(p);
            if (y != null) {
                v = v.sub(FloatVector.fromArray(S, y, off + j, in).mul(q));
            }
            v.intoArray(x, off + j, in);
        }
    }
}
