package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Sigmoid;
import io.github.mlp4j.nn.Softplus;
import io.github.mlp4j.nn.Tanh;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Sigmoid, tanh and softplus with their bias pass, and softplus' backward pass, on {@link VectorMath}'s
 * exp and log1p passes, where the reference loops call {@code Math.exp} per element: in passes over the
 * whole matrix, each in whole vectors with a masked last one, so narrow layers are vectorized too.
 * Sigmoid's and tanh's backward passes, {@code a (1 - a)} and {@code 1 - a^2}, stay on the reference loops,
 * which C2 vectorizes: measured as fast there. Measured at 128 x 256, one thread, against the reference
 * loops: forward sigmoid 39 vs 370 us, tanh 53 vs 464, softplus 49 vs 898; softplus backward 28 vs 418;
 * at 128 x 10 2.2-2.5 vs 10.7-30.8 us.
 */
final class ExpActivations {

    static final int SIGMOID = 0, TANH = 1, SOFTPLUS = 2;

    private ExpActivations() {
    }

    /** Initialized on the first call of a kernel here: warms them all up ({@link Warmup#expActivations}). */
    private static final class Warm {
        static {
            Warmup.expActivations();
        }

        static void ensure() {
        }
    }

    /** Which of these {@code f} is, or -1 when it is none of them. */
    static int kind(Activation f) {
        return switch (f) {
            case Sigmoid s -> SIGMOID;
            case Tanh t -> TANH;
            case Softplus s -> SOFTPLUS;
            default -> -1;
        };
    }

    /**
     * {@code z += bias} per row, then {@code a = f(z)}.
     *
     * @param kind from {@link #kind} @param z modified @param a modified
     */
    static void bias(int kind, float[] z, float[] bias, float[] a, int rows, int cols) {
        Warm.ensure();
        Elementwise.addBias(z, bias, rows, cols);
        int n = rows * cols;
        switch (kind) {
            case SIGMOID -> {
                VectorMath.exp(z, 0, a, 0, n, -1f, 0f, false);
                reciprocalOfOnePlus(a, n, null);
            }
            case TANH -> {
                VectorMath.exp(z, 0, a, 0, n, -2f, 0f, true);
                tanhFromExp(z, a, n);
            }
            default -> {
                // max(z, 0) + ln(1 + e^-|z|): no overflow, and exact for large |z|, as the reference computes it
                VectorMath.exp(z, 0, a, 0, n, -1f, 0f, true);
                VectorMath.log1p(a, 0, n);
                softplusFromLog(z, a, n);
            }
        }
    }

    /**
     * {@code gz = ga sigmoid(z)}, softplus' derivative (the reference recomputes the sigmoid with {@code Math.exp}).
     * {@code gz} must not alias {@code ga}: it holds {@code e^-z} first.
     *
     * @param gz modified
     */
    static void softplusBackward(float[] z, float[] ga, float[] gz, int n) {
        Warm.ensure();
        VectorMath.exp(z, 0, gz, 0, n, -1f, 0f, false);
        reciprocalOfOnePlus(gz, n, ga);
    }

    /** {@code e = g / (1 + e)}, with g = 1 when null: a sigmoid (times g) from {@code e = e^-z}. @param e modified */
    private static void reciprocalOfOnePlus(float[] e, int n, float[] g) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            FloatVector num = g == null ? FloatVector.broadcast(S, 1f) : FloatVector.fromArray(S, g, i, in);
            num.div(FloatVector.fromArray(S, e, i, in).add(1f)).intoArray(e, i, in);
        }
    }

    /**
     * {@code a = sign(z) (1 - e) / (1 + e)} from {@code e = e^(-2|z|)}, and below |z| = 0.1, where
     * {@code 1 - e} would cancel, {@code z - z^3/3 + 2z^5/15 - 17z^7/315} (next term under 1e-9 of z).
     *
     * @param a modified
     */
    private static void tanhFromExp(float[] z, float[] a, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            FloatVector x = FloatVector.fromArray(S, z, i, in), e = FloatVector.fromArray(S, a, i, in);
            FloatVector big = FloatVector.broadcast(S, 1f).sub(e).div(e.add(1f));
            big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
            FloatVector x2 = x.mul(x);
            FloatVector p = x2.fma(FloatVector.broadcast(S, -17f / 315f), FloatVector.broadcast(S, 2f / 15f));
            p = p.fma(x2, FloatVector.broadcast(S, -1f / 3f));
            FloatVector small = p.mul(x2).fma(x, x);
            big.blend(small, x.abs().compare(VectorOperators.LT, 0.1f)).blend(x, x.test(VectorOperators.IS_NAN))
                    .intoArray(a, i, in);
        }
    }

    /** {@code a = max(z, 0) + a}, where a holds {@code ln(1 + e^-|z|)}. @param a modified */
    private static void softplusFromLog(float[] z, float[] a, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            FloatVector.fromArray(S, z, i, in).max(0f).add(FloatVector.fromArray(S, a, i, in)).intoArray(a, i, in);
        }
    }
}
