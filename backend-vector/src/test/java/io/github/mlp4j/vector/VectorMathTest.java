package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link VectorMath}'s passes against {@code Math}, in ulps of the float result, over sweeps of the inputs. */
class VectorMathTest {

    @Test
    void expIsWithinOneUlpOverTheFloatRange() {
        float[] x = sweep(-87.3f, 88.7f, 2_000_001);
        float[] y = new float[x.length];
        VectorMath.exp(x, 0, y, 0, x.length, 1f, 0f, false);
        assertTrue(maxUlps(x, y, Math::exp) <= 1.01, "exp");
    }

    @Test
    void expScalesShiftsTakesAbsAndSaturates() {
        float[] x = {89f, 1e30f, Float.POSITIVE_INFINITY, -88f, -1e30f, Float.NEGATIVE_INFINITY, Float.NaN, 0f,
                -0f, 1f, -1f, 88.72f, -87.33f, 1e-30f, -1e-30f, 2f, -3f};
        float[] want = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, 0f, 0f,
                Float.NaN, 1f, 1f, (float) Math.E, (float) (1 / Math.E), (float) Math.exp(88.72f),
                (float) Math.exp(-87.33f), 1f, 1f, (float) Math.exp(2), (float) Math.exp(-3)};
        float[] y = new float[x.length];
        VectorMath.exp(x, 0, y, 0, x.length, 1f, 0f, false);
        for (int i = 0; i < x.length; i++) {
            if (Float.isFinite(want[i]) && want[i] != 0f) {
                assertEquals(want[i], y[i], Math.ulp(want[i]), "exp(" + x[i] + ")");
            } else {
                assertEquals(want[i], y[i], "exp(" + x[i] + ")"); // the same infinity, zero or NaN
            }
        }
        // e^(-2|x| + 0.5) into the middle of another array
        float[] out = new float[x.length + 3];
        VectorMath.exp(x, 9, out, 3, 8, -2f, 0.5f, true);
        for (int i = 0; i < 8; i++) {
            double w = Math.exp(-2 * Math.abs(x[9 + i]) + 0.5);
            assertEquals(w, out[3 + i], Math.ulp((float) w) * 2, "e^(-2|" + x[9 + i] + "| + 0.5)");
        }
        assertEquals(0f, out[2]);
    }

    @Test
    void log1pIsWithinTwoUlpsOnZeroToOne() {
        float[] x = sweep(0f, 1f, 2_000_001);
        float[] tiny = {0f, 1e-30f, 1e-10f, 3e-8f, 6e-8f, 1e-7f, 1e-5f, 0.41421354f, 0.41421357f, 1f};
        for (float[] v : new float[][] {x, tiny}) {
            float[] y = v.clone();
            VectorMath.log1p(y, 0, y.length);
            assertTrue(maxUlps(v, y, Math::log1p) <= 2, "log1p");
        }
    }

    private static float[] sweep(float from, float to, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * i / (n - 1);
        }
        return x;
    }

    private static double maxUlps(float[] x, float[] y, DoubleUnaryOperator exact) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double want = exact.applyAsDouble(x[i]);
            worst = Math.max(worst, Math.abs(y[i] - want) / Math.ulp((float) want));
        }
        return worst;
    }
}
