package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Vectorized element-wise kernels for what a training step does besides GEMM: bias + ReLU-family
 * activations forward and backward, column sums and the optimizer updates (SGD, momentum, AdaGrad,
 * RMSProp, Adam). Each makes one pass over its arrays with a scalar tail; the results equal the
 * reference backend's up to FMA rounding. The optimizer updates take a range [from, to) of the parameters,
 * so that {@link Stripes} can split them across threads; starting at a multiple of the vector length, a
 * range computes each element exactly as the whole pass would.
 */
final class Elementwise {

    private Elementwise() {
    }

    /**
     * {@code z += bias} per row, then {@code a = z > 0 ? z : slope * z} (slope 0: ReLU, 1: identity). Two
     * passes over each row, the second reading it back from L1: one pass storing both z and a took 2x as long
     * (128 x 256, single thread: 13-20 us against 6.8-8.4; storing only one of them, 3.0-4.6).
     *
     * @param z modified @param a modified
     */
    static void biasLeaky(float[] z, float[] bias, float[] a, int rows, int cols, float slope) {
        int bound = S.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            addBiasRow(z, bias, row, cols);
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector v = FloatVector.fromArray(S, z, row + j);
                (slope == 1f ? v : v.blend(v.mul(slope), v.compare(VectorOperators.LE, 0f))).intoArray(a, row + j);
            }
            for (; j < cols; j++) {
                float v = z[row + j];
                a[row + j] = v > 0f ? v : slope * v;
            }
        }
    }

    /** {@code z += bias} per row. @param z modified */
    static void addBias(float[] z, float[] bias, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            addBiasRow(z, bias, i * cols, cols);
        }
    }

    /** {@code z[row..row + cols) += bias}. @param z modified */
    private static void addBiasRow(float[] z, float[] bias, int row, int cols) {
        int bound = S.loopBound(cols), j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(S, z, row + j).add(FloatVector.fromArray(S, bias, j)).intoArray(z, row + j);
        }
        for (; j < cols; j++) {
            z[row + j] += bias[j];
        }
    }

    /** {@code gz = gA * (z > 0 ? 1 : slope)}. @param gz modified */
    static void leakyBackward(float[] z, float[] ga, float[] gz, int n, float slope) {
        int bound = S.loopBound(n), i = 0;
        for (; i < bound; i += L) {
            FloatVector g = FloatVector.fromArray(S, ga, i);
            VectorMask<Float> off = FloatVector.fromArray(S, z, i).compare(VectorOperators.LE, 0f);
            (slope == 0f ? g.blend(0f, off) : g.blend(g.mul(slope), off)).intoArray(gz, i);
        }
        for (; i < n; i++) {
            gz[i] = z[i] > 0f ? ga[i] : slope * ga[i];
        }
    }

    /** {@code out[j] = sum over rows of x[i, j]}, rows added in order (as the reference does). @param out modified */
    static void sumColumns(float[] x, float[] out, int rows, int cols) {
        java.util.Arrays.fill(out, 0, cols, 0f);
        int bound = S.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int row = i * cols, j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, out, j).add(FloatVector.fromArray(S, x, row + j)).intoArray(out, j);
            }
            for (; j < cols; j++) {
                out[j] += x[row + j];
            }
        }
    }

    /** g + l1 sign(w) + l2 w, lane-wise. */
    private static FloatVector regularized(FloatVector g, FloatVector w, float l1, float l2) {
        if (l1 != 0f) {
            FloatVector sign = FloatVector.zero(S).blend(1f, w.compare(VectorOperators.GT, 0f))
                    .blend(-1f, w.compare(VectorOperators.LT, 0f));
            g = sign.mul(l1).add(g);
        }
        return l2 != 0f ? w.mul(l2).add(g) : g;
    }

    private static float regularized(float g, float w, float l1, float l2) {
        return g + l1 * Math.signum(w) + l2 * w;
    }

    /** @param w modified */
    static void sgd(float[] w, float[] g, int from, int to, float lr, float l1, float l2) {
        int bound = from + S.loopBound(to - from), i = from;
        for (; i < bound; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, i);
            wv.sub(regularized(FloatVector.fromArray(S, g, i), wv, l1, l2).mul(lr)).intoArray(w, i);
        }
        for (; i < to; i++) {
            w[i] -= lr * regularized(g[i], w[i], l1, l2);
        }
    }

    /** @param w modified @param v modified */
    static void momentum(float[] w, float[] g, float[] v, int from, int to, float lr, float mu, boolean nesterov,
                         float l1, float l2) {
        int bound = from + S.loopBound(to - from), i = from;
        for (; i < bound; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, i);
            FloatVector gi = regularized(FloatVector.fromArray(S, g, i), wv, l1, l2);
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(mu).add(gi);
            vv.intoArray(v, i);
            wv.sub((nesterov ? gi.add(vv.mul(mu)) : vv).mul(lr)).intoArray(w, i);
        }
        for (; i < to; i++) {
            float gi = regularized(g[i], w[i], l1, l2);
            v[i] = mu * v[i] + gi;
            w[i] -= lr * (nesterov ? gi + mu * v[i] : v[i]);
        }
    }

    /** {@code s += g^2; w -= lr g / (sqrt(s) + eps)}. @param w modified @param s modified */
    static void adagrad(float[] w, float[] g, float[] s, int from, int to, float lr, float eps, float l1, float l2) {
        int bound = from + S.loopBound(to - from), i = from;
        for (; i < bound; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, i);
            FloatVector gi = regularized(FloatVector.fromArray(S, g, i), wv, l1, l2);
            FloatVector sv = FloatVector.fromArray(S, s, i).add(gi.mul(gi));
            sv.intoArray(s, i);
            wv.sub(gi.mul(lr).div(sv.sqrt().add(eps))).intoArray(w, i);
        }
        for (; i < to; i++) {
            float gi = regularized(g[i], w[i], l1, l2);
            s[i] += gi * gi;
            w[i] -= lr * gi / ((float) Math.sqrt(s[i]) + eps);
        }
    }

    /** {@code e = rho e + (1 - rho) g^2; w -= lr g / (sqrt(e) + eps)}. @param w modified @param e modified */
    static void rmsprop(float[] w, float[] g, float[] e, int from, int to, float lr, float rho, float eps, float l1,
                        float l2) {
        int bound = from + S.loopBound(to - from), i = from;
        for (; i < bound; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, i);
            FloatVector gi = regularized(FloatVector.fromArray(S, g, i), wv, l1, l2);
            FloatVector ev = FloatVector.fromArray(S, e, i).mul(rho).add(gi.mul(1f - rho).mul(gi));
            ev.intoArray(e, i);
            wv.sub(gi.mul(lr).div(ev.sqrt().add(eps))).intoArray(w, i);
        }
        for (; i < to; i++) {
            float gi = regularized(g[i], w[i], l1, l2);
            e[i] = rho * e[i] + (1f - rho) * gi * gi;
            w[i] -= lr * gi / ((float) Math.sqrt(e[i]) + eps);
        }
    }

    /**
     * Adam (AdamW with a weight decay), bias-corrected as PyTorch computes it: {@code w -= (lr / c1) m /
     * (sqrt(v) / sqrt(c2) + eps)} with {@code c_t = 1 - beta_t^step}, one square root and one division per
     * element. The reference's {@code (m / c1) / (sqrt(v / c2) + eps)} took three divisions, at 10-16 cycles a
     * vector: the update was compute-bound, 1 ns a parameter. Single thread, in L2 (256 x 128): 31 -> 16-18 us;
     * 784 x 256: 192 -> 122-131 us. Results differ from the reference's in the last bits.
     *
     * @param w modified @param m modified @param v modified
     */
    static void adam(float[] w, float[] g, float[] m, float[] v, int from, int to, float lr, float beta1, float beta2,
                     float eps, int step, float weightDecay, float l1, float l2) {
        float stepSize = (float) (lr / (1.0 - Math.pow(beta1, step)));
        float root2 = (float) (1.0 / Math.sqrt(1.0 - Math.pow(beta2, step)));
        float decay = 1f - lr * weightDecay;
        int bound = from + S.loopBound(to - from), i = from;
        for (; i < bound; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, i);
            FloatVector gi = regularized(FloatVector.fromArray(S, g, i), wv, l1, l2);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(beta1).add(gi.mul(1f - beta1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(beta2).add(gi.mul(gi).mul(1f - beta2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            wv.mul(decay).sub(mv.mul(stepSize).div(vv.sqrt().mul(root2).add(eps))).intoArray(w, i);
        }
        for (; i < to; i++) {
            float gi = regularized(g[i], w[i], l1, l2);
            m[i] = beta1 * m[i] + (1f - beta1) * gi;
            v[i] = beta2 * v[i] + (1f - beta2) * gi * gi;
            w[i] = w[i] * decay - m[i] * stepSize / ((float) Math.sqrt(v[i]) * root2 + eps);
        }
    }
}
