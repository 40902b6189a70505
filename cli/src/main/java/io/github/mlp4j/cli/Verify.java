package io.github.mlp4j.cli;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.backend.ReferenceBackend;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A short conformance check on this machine: each operation on random data, on the backend and on the
 * reference backend, and the largest absolute difference of the results. The full suite lives in the
 * tests; this is what a user can run where they deploy.
 */
final class Verify {

    private static final int M = 64, K = 200, N = 96;

    private Verify() {
    }

    static Map<String, Double> against(Backend b) {
        Backend ref = new ReferenceBackend();
        SplittableRandom rng = new SplittableRandom(1);
        Map<String, Double> errors = new LinkedHashMap<>();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = random(rng, M * K, 1), w = random(rng, K * N, 1);
                errors.put("gemm " + (ta ? "A^T" : "A") + (tb ? " B^T" : " B") + " " + M + "x" + K + "x" + N,
                        compare(b, ref, M, N, (be, c) -> be.gemm(ta, tb, 1f, up(be, ta ? K : M, ta ? M : K, a),
                                up(be, tb ? N : K, tb ? K : N, w), 0f, c)));
            }
        }
        for (Activation f : List.of(Activation.IDENTITY, Activation.STEP, Activation.SIGN, Activation.HARD_SIGMOID,
                Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.leakyRelu(0.01f), Activation.PRELU,
                Activation.SOFTPLUS, Activation.SOFTMAX)) {
            float[] z = random(rng, M * N, 8), bias = random(rng, N, 1), s = random(rng, N, 0.5f), g = random(rng, M * N, 1);
            errors.put("forward " + f.id(), compare(b, ref, M, N, (be, a) -> be.biasActivation(up(be, M, N, z),
                    up(be, 1, N, bias), f, up(be, 1, N, s), a)));
            errors.put("backward " + f.id(), compare(b, ref, M, N, (be, gz) -> {
                Matrix zm = up(be, M, N, z), am = be.allocate(M, N);
                be.biasActivation(zm, up(be, 1, N, bias), f, up(be, 1, N, s), am);
                be.activationBackward(f, zm, am, up(be, 1, N, s), up(be, M, N, g), gz, be.allocate(1, N));
            }));
        }
        for (Loss l : Loss.values()) {
            float[] p = random(rng, M * 10, 1), y = new float[M * 10];
            for (int i = 0; i < M; i++) {
                p[i * 10] = Math.abs(p[i * 10]);
                y[i * 10 + rng.nextInt(10)] = 1f;
            }
            for (int i = 0; i < p.length; i++) {
                p[i] = l.onLogits() || l == Loss.MSE || l == Loss.MAE ? 4 * p[i] : 0.05f + 0.9f * Math.abs(p[i]);
            }
            errors.put("loss + gradient " + l.id(), compare(b, ref, M, 10, (be, g) -> {
                double v = be.loss(l, up(be, M, 10, p), up(be, M, 10, y), g);
                be.fill(g, (float) v); // the value matters too: fold it into what is compared
            }));
        }
        float[] w0 = random(rng, K * N, 1), g0 = random(rng, K * N, 1);
        errors.put("sgd + l1 + l2", compare(b, ref, K, N, (be, w) -> {
            be.upload(w0, 0, w);
            be.sgd(w, up(be, K, N, g0), 0.1f, 1e-3f, 1e-2f);
        }));
        errors.put("adam (3 steps)", compare(b, ref, K, N, (be, w) -> {
            be.upload(w0, 0, w);
            Matrix m = be.allocate(K, N), v = be.allocate(K, N), g = up(be, K, N, g0);
            for (int t = 1; t <= 3; t++) {
                be.adam(w, g, m, v, 0.01f, 0.9f, 0.999f, 1e-8f, t, 0f, 0f, 0f);
            }
        }));
        errors.put("sumColumns", compare(b, ref, 1, N, (be, out) -> be.sumColumns(up(be, K, N, g0), out)));
        return errors;
    }

    private static float[] random(SplittableRandom rng, int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (scale * (2 * rng.nextDouble() - 1));
        }
        return x;
    }

    private static Matrix up(Backend b, int rows, int cols, float[] data) {
        Matrix m = b.allocate(rows, cols);
        b.upload(data, 0, m);
        return m;
    }

    private static double compare(Backend b, Backend ref, int rows, int cols, BiConsumer<Backend, Matrix> op) {
        Matrix out = b.allocate(rows, cols), expected = ref.allocate(rows, cols);
        op.accept(b, out);
        op.accept(ref, expected);
        float[] x = new float[rows * cols], y = new float[rows * cols];
        b.download(out, x, 0);
        ref.download(expected, y, 0);
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
            if (Float.isNaN(x[i]) != Float.isNaN(y[i])) {
                return Double.NaN;
            }
        }
        return max;
    }
}
