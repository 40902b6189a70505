package io.github.mlp4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import org.junit.jupiter.api.Test;

/**
 * The oracle's own checks, against values computed independently: a double-precision GEMM and
 * numbers worked out by hand. The conformance suite then compares every other backend with it.
 */
class ReferenceBackendTest extends BackendTestSupport {

    @Override
    protected Backend createBackend() {
        return new ReferenceBackend();
    }

    @Test
    void gemmMatchesDoublePrecisionProduct() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {13, 257, 7}, {64, 13, 64}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (boolean tA : new boolean[] {false, true}) {
                for (boolean tB : new boolean[] {false, true}) {
                    float[] a = uniform(m * k, -1f, 1f), b = uniform(k * n, -1f, 1f), c = uniform(m * n, -1f, 1f);
                    int aR = tA ? k : m, aC = tA ? m : k, bR = tB ? n : k, bC = tB ? k : n;
                    Matrix cm = matrix(backend, m, n, c);
                    backend.gemm(tA, tB, 0.75f, matrix(backend, aR, aC, a), matrix(backend, bR, bC, b), -0.5f, cm);
                    double[] want = Oracle.gemm(tA, tB, 0.75, a, aR, aC, b, bR, bC, -0.5, c);
                    assertClose("gemm " + m + "x" + k + "x" + n + " " + tA + " " + tB, want, get(backend, cm),
                            1e-6 * k, 1e-6);
                }
            }
        }
    }

    @Test
    void softmaxAndLossesByHand() {
        // softmax(0, ln 3) = (1/4, 3/4); cross-entropy against class 1 = -ln(3/4).
        Matrix z = matrix(backend, 1, 2, new float[] {0f, (float) Math.log(3)}), a = matrix(backend, 1, 2, null);
        backend.biasActivation(z, matrix(backend, 1, 2, null), Activation.SOFTMAX, null, a);
        assertClose("softmax", new float[] {0.25f, 0.75f}, get(backend, a), 1e-7, 0);
        Matrix y = matrix(backend, 1, 2, new float[] {0f, 1f}), g = matrix(backend, 1, 2, null);
        assertEquals(-Math.log(0.75), backend.loss(Loss.SOFTMAX_CROSS_ENTROPY, z, y, g), 1e-7);
        assertClose("d/dz", new float[] {0.25f, -0.25f}, get(backend, g), 1e-7, 0);
        // MSE of (1, 2) against (0, 0) = (1 + 4) / 2; gradient 2 (p - y) / 2.
        Matrix p = matrix(backend, 1, 2, new float[] {1f, 2f});
        assertEquals(2.5, backend.loss(Loss.MSE, p, matrix(backend, 1, 2, null), g), 0);
        assertArrayEquals(new float[] {1f, 2f}, get(backend, g));
    }

    @Test
    void optimizerStepsByHand() {
        // w = 1, g = 0.5, lr = 0.1.
        Matrix w = matrix(backend, 1, 1, new float[] {1f}), g = matrix(backend, 1, 1, new float[] {0.5f});
        backend.sgd(w, g, 0.1f, 0f, 0f);
        assertEquals(0.95f, get(backend, w)[0], 1e-7f, "sgd");
        backend.upload(new float[] {1f}, 0, w);
        backend.sgd(w, g, 0.1f, 0.2f, 0.3f); // g' = 0.5 + 0.2 * 1 + 0.3 * 1 = 1.0
        assertEquals(0.9f, get(backend, w)[0], 1e-7f, "sgd with l1 and l2");
        Matrix v = matrix(backend, 1, 1, new float[] {0.2f});
        backend.upload(new float[] {1f}, 0, w);
        backend.momentum(w, g, v, 0.1f, 0.9f, false, 0f, 0f); // v = 0.18 + 0.5 = 0.68; w = 1 - 0.068
        assertEquals(0.68f, get(backend, v)[0], 1e-7f, "momentum velocity");
        assertEquals(0.932f, get(backend, w)[0], 1e-7f, "momentum");
        backend.upload(new float[] {0.2f}, 0, v);
        backend.upload(new float[] {1f}, 0, w);
        backend.momentum(w, g, v, 0.1f, 0.9f, true, 0f, 0f); // w = 1 - 0.1 (0.5 + 0.9 * 0.68)
        assertEquals(1f - 0.1f * (0.5f + 0.9f * 0.68f), get(backend, w)[0], 1e-7f, "nesterov");
        Matrix m = matrix(backend, 1, 1, null), s = matrix(backend, 1, 1, null);
        backend.upload(new float[] {1f}, 0, w);
        backend.adam(w, g, m, s, 0.1f, 0.9f, 0.999f, 1e-8f, 1, 0f, 0f, 0f); // first step: w -= lr * sign(g)
        assertEquals(0.9f, get(backend, w)[0], 1e-6f, "adam first step");
        backend.upload(new float[] {1f}, 0, w);
        backend.adagrad(w, g, matrix(backend, 1, 1, null), 0.1f, 0f, 0f, 0f); // G = 0.25; w -= 0.1 * 0.5 / 0.5
        assertEquals(0.9f, get(backend, w)[0], 1e-7f, "adagrad");
        backend.upload(new float[] {1f}, 0, w);
        backend.rmsprop(w, g, matrix(backend, 1, 1, null), 0.1f, 0.9f, 0f, 0f, 0f); // E = 0.025
        assertEquals(1f - 0.1f * 0.5f / (float) Math.sqrt(0.025f), get(backend, w)[0], 1e-6f, "rmsprop");
    }

    @Test
    void bitIdenticalAcrossRuns() {
        float[] a = uniform(64 * 257, -1f, 1f), b = uniform(257 * 13, -1f, 1f);
        float[] first = null;
        for (int run = 0; run < 3; run++) {
            Backend fresh = new ReferenceBackend();
            Matrix c = fresh.allocate(64, 13);
            fresh.gemm(false, false, 1f, matrix(fresh, 64, 257, a), matrix(fresh, 257, 13, b), 0f, c);
            float[] out = get(fresh, c);
            if (first == null) {
                first = out;
            }
            assertArrayEquals(first, out);
        }
    }
}
