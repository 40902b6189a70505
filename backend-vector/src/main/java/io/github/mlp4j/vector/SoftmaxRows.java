package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Row softmax and softmax cross-entropy on vectors: each row is shifted by its maximum, exponentiated with
 * {@link VectorMath#exp} and normalized. With few classes ({@link #BLOCK_COLS}), {@link Kernel#L} rows at a
 * time are transposed into a scratch block, so that each vector holds one class of L rows: the maximum, sum
 * and scaling are then lane-wise, and the rows run side by side. One row per masked vector instead, each row
 * is a chain of dependent steps (a reduction, a dozen-step exponential, a scalar sum, a division) that the
 * core cannot overlap with the next: 100-150 ns a row. Single thread, 128 x 10: softmax 13 -> 3.5 us, loss
 * and gradient 19 -> 7.4 us; the batch-128 training step 1.02x, batch 32 1.05x (with the two-pass
 * {@link Elementwise#biasLeaky}; 15 one-second rounds alternating in one JVM, won 11 and 9 of 11). Rows that
 * do not fill a block go one by one.
 *
 * <p>Both ways compute every element with the same operations in the same order, so they give the same
 * bits: sums across a row are float, added in class order (a vector's reduceLanes adds in an order that
 * differs between C1 and C2 code); the loss adds the rows in double, in row order.
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

    /** Classes up to which rows go by blocks of {@link Kernel#L} rows (MNIST's 10, CIFAR-100's 100 not). */
    static final int BLOCK_COLS = 32;

    /** Per thread: a transposed block (two of them for the loss) and three vectors of per-row sums. */
    private static final ThreadLocal<float[]> BLOCK =
            ThreadLocal.withInitial(() -> new float[(2 * BLOCK_COLS + 3) * L]);

    /**
     * {@code z += bias} per row, then {@code a = softmax(z)} per row.
     *
     * @param z modified @param a modified
     */
    static void biasSoftmax(float[] z, float[] bias, float[] a, int rows, int cols) {
        Warm.ensure();
        int i = 0;
        if (cols <= BLOCK_COLS) {
            float[] t = BLOCK.get();
            for (; i + L <= rows; i += L) {
                softmaxBlock(z, bias, a, i, cols, t);
            }
        }
        biasSoftmaxRows(z, bias, a, i, rows, cols);
    }

    /** {@link #biasSoftmax} one row at a time, rows [from, rows). @param z modified @param a modified */
    static void biasSoftmaxRows(float[] z, float[] bias, float[] a, int from, int rows, int cols) {
        for (int i = from; i < rows; i++) {
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

    /** Rows [r0, r0 + L) of {@link #biasSoftmax}, transposed into t (class c of row l at c L + l). */
    private static void softmaxBlock(float[] z, float[] bias, float[] a, int r0, int cols, float[] t) {
        for (int l = 0; l < L; l++) {
            int off = (r0 + l) * cols;
            for (int c = 0; c < cols; c++) {
                float v = z[off + c] + bias[c];
                z[off + c] = v;
                t[c * L + l] = v;
            }
        }
        FloatVector m = FloatVector.fromArray(S, t, 0);
        for (int c = 1; c < cols; c++) {
            m = m.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, t, c * L));
        }
        for (int c = 0; c < cols; c++) {
            FloatVector.fromArray(S, t, c * L).sub(m).intoArray(t, c * L); // z - max, rounded as the rows' fma
        }
        VectorMath.exp(t, 0, t, 0, cols * L, 1f, 0f, false);
        FloatVector s = FloatVector.fromArray(S, t, 0);
        for (int c = 1; c < cols; c++) {
            s = s.add(FloatVector.fromArray(S, t, c * L));
        }
        FloatVector p = FloatVector.broadcast(S, 1f).div(s);
        for (int c = 0; c < cols; c++) {
            FloatVector.fromArray(S, t, c * L).mul(p).intoArray(t, c * L);
        }
        for (int l = 0; l < L; l++) {
            int off = (r0 + l) * cols;
            for (int c = 0; c < cols; c++) {
                a[off + c] = t[c * L + l];
            }
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
        double total = 0;
        int i = 0;
        if (cols <= BLOCK_COLS) {
            float[] t = BLOCK.get();
            for (; i + L <= rows; i += L) {
                total = crossEntropyBlock(z, y, g, i, rows, cols, t, total);
            }
        }
        return crossEntropyRows(z, y, g, i, rows, cols, total) / rows;
    }

    /**
     * {@link #crossEntropy} one row at a time, rows [from, rows): returns {@code total} plus their losses, added
     * in row order. @param g modified
     */
    static double crossEntropyRows(float[] z, float[] y, float[] g, int from, int rows, int cols, double total) {
        float scale = 1f / rows;
        for (int i = from; i < rows; i++) {
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
        return total;
    }

    /**
     * Rows [r0, r0 + L) of {@link #crossEntropy}: returns {@code total} plus their losses, added in row order.
     * z - max, then e^(z - max), at t; y at {@code BLOCK_COLS L}; the rows' s, sum(y) and sum(y (z - max))
     * after both.
     */
    private static double crossEntropyBlock(float[] z, float[] y, float[] g, int r0, int rows, int cols, float[] t,
                                            double total) {
        int yt = BLOCK_COLS * L, sums = 2 * BLOCK_COLS * L;
        for (int l = 0; l < L; l++) {
            int off = (r0 + l) * cols;
            for (int c = 0; c < cols; c++) {
                t[c * L + l] = z[off + c];
                t[yt + c * L + l] = y[off + c];
            }
        }
        FloatVector m = FloatVector.fromArray(S, t, 0);
        for (int c = 1; c < cols; c++) {
            m = m.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, t, c * L));
        }
        FloatVector ys = FloatVector.zero(S), yd = FloatVector.zero(S);
        for (int c = 0; c < cols; c++) {
            FloatVector d = FloatVector.fromArray(S, t, c * L).sub(m), yc = FloatVector.fromArray(S, t, yt + c * L);
            d.intoArray(t, c * L);
            ys = ys.add(yc);
            yd = yd.add(yc.mul(d)); // not an FMA: the rows round the product first
        }
        VectorMath.exp(t, 0, t, 0, cols * L, 1f, 0f, false);
        FloatVector s = FloatVector.fromArray(S, t, 0);
        for (int c = 1; c < cols; c++) {
            s = s.add(FloatVector.fromArray(S, t, c * L));
        }
        float scale = 1f / rows;
        FloatVector p = ys.mul(scale).div(s);
        for (int c = 0; c < cols; c++) {
            FloatVector.fromArray(S, t, c * L).mul(p).sub(FloatVector.fromArray(S, t, yt + c * L).mul(scale))
                    .intoArray(t, c * L);
        }
        s.intoArray(t, sums);
        ys.intoArray(t, sums + L);
        yd.intoArray(t, sums + 2 * L);
        for (int l = 0; l < L; l++) {
            int off = (r0 + l) * cols;
            for (int c = 0; c < cols; c++) {
                g[off + c] = t[c * L + l];
            }
            total += t[sums + L + l] * Math.log(t[sums + l]) - t[sums + 2 * L + l];
        }
        return total;
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
