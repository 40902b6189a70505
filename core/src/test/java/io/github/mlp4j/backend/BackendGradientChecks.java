package io.github.mlp4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.HardSigmoid;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.PRelu;
import io.github.mlp4j.nn.Softmax;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradient checks of the backend under test: every activation's backward pass and every loss's
 * gradient against central differences of the double-precision {@link Oracle}.
 */
public abstract class BackendGradientChecks extends BackendTestSupport {

    private static final double H = 1e-4;

    /** Central difference of f at x, in double. */
    private static double derivative(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    /** Inputs at least 0.05 away from every kink (0 and, for the hard sigmoid, +-1/2). */
    private float[] awayFromKinks(int n) {
        float[] z = uniform(n, -3f, 3f);
        for (int i = 0; i < n; i++) {
            while (Math.abs(z[i]) < 0.05f || Math.abs(Math.abs(z[i]) - 0.5f) < 0.05f) {
                z[i] = (float) (-3 + 6 * rng.nextDouble());
            }
        }
        return z;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void activationBackwardMatchesCentralDifferences(Activation f) {
        int n = 7, k = 13;
        float[] z = awayFromKinks(n * k), gA = uniform(n * k, -1f, 1f), s = uniform(k, 0.05f, 0.5f);
        Matrix zm = matrix(backend, n, k, z), bias = matrix(backend, 1, k, null), am = matrix(backend, n, k, null);
        Matrix slopes = matrix(backend, 1, k, s), gSlopes = matrix(backend, 1, k, null);
        Matrix gAm = matrix(backend, n, k, gA), gZ = matrix(backend, n, k, null);
        backend.biasActivation(zm, bias, f, slopes, am);
        backend.activationBackward(f, zm, am, slopes, gAm, gZ, gSlopes);
        float[] got = get(backend, gZ);

        double[] expected = new double[n * k];
        double[] expectedSlopes = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int at = i * k + j;
                switch (f) {
                    case Activation.Elementwise e ->
                            expected[at] = gA[at] * derivative(x -> Oracle.activation(e, x), z[at]);
                    case PRelu p -> {
                        double slope = s[j];
                        expected[at] = gA[at] * derivative(x -> x > 0 ? x : slope * x, z[at]);
                        double zz = z[at];
                        expectedSlopes[j] += gA[at] * derivative(a -> zz > 0 ? zz : a * zz, slope);
                    }
                    case Softmax sm -> {
                        // d/dz_j of sum_c gA_c softmax(z)_c, perturbing one logit of the row.
                        int row = i, col = j;
                        expected[at] = derivative(x -> {
                            double[] zr = new double[k];
                            for (int c = 0; c < k; c++) {
                                zr[c] = c == col ? x : z[row * k + c];
                            }
                            double[] a = Oracle.softmax(zr);
                            double dot = 0;
                            for (int c = 0; c < k; c++) {
                                dot += gA[row * k + c] * a[c];
                            }
                            return dot;
                        }, z[at]);
                    }
                }
            }
        }
        assertClose(f.id() + " dL/dz", expected, got, 1e-4, 1e-3);
        if (f instanceof PRelu) {
            assertClose("prelu dL/dslope", expectedSlopes, get(backend, gSlopes), 1e-4, 1e-3);
        }
    }

    /** Predictions and targets inside each loss's domain, and away from MAE's kink. */
    private float[][] lossInputs(Loss loss, int n, int k) {
        float[] p, y;
        switch (loss) {
            case MSE -> {
                p = uniform(n * k, -2f, 2f);
                y = uniform(n * k, -2f, 2f);
            }
            case MAE -> {
                p = uniform(n * k, -2f, 2f);
                y = new float[n * k];
                for (int i = 0; i < y.length; i++) {
                    y[i] = p[i] + (rng.nextBoolean() ? 1 : -1) * (0.1f + (float) rng.nextDouble());
                }
            }
            case BINARY_CROSS_ENTROPY -> {
                p = uniform(n * k, 0.05f, 0.95f);
                y = uniform(n * k, 0f, 1f);
            }
            case CATEGORICAL_CROSS_ENTROPY -> {
                p = uniform(n * k, 0.05f, 0.95f);
                y = oneHot(n, k);
            }
            case SOFTMAX_CROSS_ENTROPY -> {
                p = uniform(n * k, -4f, 4f);
                y = oneHot(n, k);
            }
            case SIGMOID_CROSS_ENTROPY -> {
                p = uniform(n * k, -4f, 4f);
                y = uniform(n * k, 0f, 1f);
            }
            default -> throw new AssertionError(loss);
        }
        return new float[][] {p, y};
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Loss.class)
    void lossValueAndGradientMatchOracle(Loss loss) {
        int n = 5, k = 4;
        float[][] in = lossInputs(loss, n, k);
        float[] p = in[0], y = in[1];
        Matrix pm = matrix(backend, n, k, p), ym = matrix(backend, n, k, y), g = matrix(backend, n, k, null);
        double value = backend.loss(loss, pm, ym, g);
        float[] got = get(backend, g);

        double[] pd = toDouble(p), yd = toDouble(y);
        assertEquals(Oracle.loss(loss, pd, yd, n, k), value, 1e-5 * Math.max(1, Math.abs(value)), loss + " value");
        double[] expected = new double[n * k];
        for (int i = 0; i < expected.length; i++) {
            int at = i;
            expected[i] = derivative(x -> {
                double keep = pd[at];
                pd[at] = x;
                double l = Oracle.loss(loss, pd, yd, n, k);
                pd[at] = keep;
                return l;
            }, p[i]);
        }
        assertClose(loss + " gradient", expected, got, 1e-4, 1e-3);
        assertEquals(value, backend.loss(loss, pm, ym, null), 1e-6 * Math.max(1, Math.abs(value)),
                loss + " value without a gradient");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Loss.class, names = {"SOFTMAX_CROSS_ENTROPY", "SIGMOID_CROSS_ENTROPY"})
    void lossesOnLogitsStayFiniteForHugeLogits(Loss loss) {
        float[] z = {-1e4f, 1e4f, 0f, -100f, 100f, 88f, -88f, 30f};
        float[] y = {0f, 1f, 0f, 0f, 0f, 1f, 0f, 0f};
        Matrix zm = matrix(backend, 2, 4, z), ym = matrix(backend, 2, 4, y), g = matrix(backend, 2, 4, null);
        double value = backend.loss(loss, zm, ym, g);
        assertEquals(true, Double.isFinite(value), loss + " is " + value);
        assertFinite(loss + " gradient", get(backend, g));
        double expected = reference.loss(loss, matrix(reference, 2, 4, z), matrix(reference, 2, 4, y), null);
        assertEquals(expected, value, 1e-5 * Math.max(1, Math.abs(expected)), loss + " value");
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void lossMatchesReferenceOnEveryShape(Loss loss) {
        for (int n : SIZES) {
            for (int k : new int[] {1, 3, 10, 13, 37}) { // 37: rows of several vectors and a tail
                float[][] in = lossInputs(loss, n, k);
                Matrix g = matrix(backend, n, k, null), rg = matrix(reference, n, k, null);
                double got = backend.loss(loss, matrix(backend, n, k, in[0]), matrix(backend, n, k, in[1]), g);
                double want = reference.loss(loss, matrix(reference, n, k, in[0]), matrix(reference, n, k, in[1]), rg);
                assertEquals(want, got, 1e-5 * Math.max(1, Math.abs(want)), loss + " " + n + "x" + k);
                assertClose(loss + " gradient " + n + "x" + k, get(reference, rg), get(backend, g), 1e-7, 1e-5);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void hardSigmoidIsTheCoursesPiecewiseLinearFunction() {
        HardSigmoid h = (HardSigmoid) Activation.HARD_SIGMOID;
        Matrix z = matrix(backend, 1, 5, new float[] {-2f, -0.5f, 0f, 0.25f, 3f});
        Matrix a = matrix(backend, 1, 5, null);
        backend.biasActivation(z, matrix(backend, 1, 5, null), h, null, a);
        assertClose("hard sigmoid", new float[] {0f, 0f, 0.5f, 0.75f, 1f}, get(backend, a), 1e-7, 0);
    }
}
