package io.github.mlp4j.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.mlp4j.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Plumbing for the conformance suite: the backend under test next to the reference backend, data
 * helpers, and comparisons with tolerances. Backend modules extend {@link BackendConformanceTest}.
 */
public abstract class BackendTestSupport {

    /** Awkward sizes: 1, primes, a power of two, one past a power of two. */
    public static final int[] SIZES = {1, 2, 7, 13, 64, 257};

    /** The backend under test, unchecked (the suite tests what backends do with valid arguments). */
    protected abstract Backend createBackend();

    protected Backend backend;
    protected Backend reference;
    protected final SplittableRandom rng = new SplittableRandom(20261123L);
    private final List<Matrix> allocated = new ArrayList<>();

    @BeforeEach
    void openBackends() {
        backend = createBackend();
        reference = new ReferenceBackend();
    }

    @AfterEach
    void closeBackends() {
        allocated.forEach(Matrix::close);
        allocated.clear();
        backend.close();
    }

    /** Every activation, with a non-trivial leaky slope; PReLU gets its slopes from the test. */
    public static List<Activation> activations() {
        return List.of(Activation.IDENTITY, Activation.STEP, Activation.SIGN, Activation.HARD_SIGMOID,
                Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.leakyRelu(0.1f), Activation.PRELU,
                Activation.SOFTPLUS, Activation.SOFTMAX);
    }

    protected float[] uniform(int n, float lo, float hi) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return x;
    }

    /** A one-hot n x k matrix's data, random classes. */
    protected float[] oneHot(int n, int k) {
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) {
            y[i * k + rng.nextInt(k)] = 1f;
        }
        return y;
    }

    /** A matrix on {@code on} holding {@code data}. */
    protected Matrix matrix(Backend on, int rows, int cols, float[] data) {
        Matrix m = on.allocate(rows, cols);
        allocated.add(m);
        if (data != null) {
            on.upload(data, 0, m);
        }
        return m;
    }

    protected static float[] get(Backend on, Matrix m) {
        float[] out = new float[m.size()];
        on.download(m, out, 0);
        return out;
    }

    /**
     * Asserts |expected - actual| <= abs + rel * |expected| element-wise, and that the backend's value is
     * finite wherever the expected one is; the message names the first differing element.
     */
    protected static void assertClose(String what, float[] expected, float[] actual, double abs, double rel) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + ", expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (Double.isNaN(a) && !Double.isNaN(e) || Math.abs(e - a) > abs + rel * Math.abs(e)) {
                fail(what + ": element " + i + " is " + a + ", expected " + e + " (tolerance " + abs + " + " + rel
                        + " * |expected|)");
            }
        }
    }

    protected static void assertClose(String what, double[] expected, float[] actual, double abs, double rel) {
        float[] e = new float[expected.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) expected[i];
        }
        assertClose(what, e, actual, abs, rel);
    }

    protected static void assertFinite(String what, float[] x) {
        for (int i = 0; i < x.length; i++) {
            int at = i;
            assertTrue(Float.isFinite(x[i]), () -> what + ": element " + at + " is " + x[at]);
        }
    }

    protected static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
