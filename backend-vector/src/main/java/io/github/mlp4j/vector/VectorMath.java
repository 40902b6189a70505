package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code e^x} and {@code ln(1 + x)} over arrays, from lane-wise arithmetic alone, so that every run
 * computes the same bits. The Vector API's own {@code EXP}, {@code LOG1P} and
 * {@code TANH} may differ between implementations, and do within one JVM: C1 code computes them per lane
 * with {@code Math}, C2 code with vector routines, so a training run's weights depended on when the JIT
 * compiled a method (seen: {@code VectorReliabilityTest}'s 1- and 3-thread runs differed in the 7th
 * digit). Arithmetic, conversions and FMA are exact by the Java specification, in C1 and C2 alike.
 *
 * <p>exp and log1p are the classic Cephes single-precision reductions (Moshier): {@code e^x = 2^n e^r} with
 * {@code |r| <= ln 2 / 2} and a degree-5 polynomial; {@code ln u = k ln 2 + ln m} with m in
 * [sqrt(1/2), sqrt(2)) and a degree-8 polynomial. Measured against {@code Math} ({@code VectorMathTest}):
 * exp within 1.0 ulp over [-87.3, 88.7], log1p within 1.2 ulp over [0, 1].
 *
 * <p>Passes over arrays, not functions of a vector: C2 inlined a 267-byte {@code exp(FloatVector)} at some
 * call sites and not at others (too large for a call site its profile did not count as hot), and where it
 * did not, every vector passed or returned was allocated (12 KB a step). A pass keeps its vectors inside
 * one method.
 */
final class VectorMath {

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f; // ln 2 = HI + LO, HI exact
    private static final float ROUND = 12582912f; // 1.5 * 2^23: adding and subtracting it rounds to an integer
    private static final float EXP_MAX = 88.72283f, EXP_MIN = -87.33654f; // e^x is finite / normal between

    private VectorMath() {
    }

    /**
     * {@code out[oo + i] = e^(scale x[xo + i] + shift)} for i in [0, n), with {@code |x|} for x when
     * {@code abs}: infinity above 88.72, 0 below -87.34, NaN for NaN. {@code out} may be {@code x}.
     *
     * @param out modified
     */
    static void exp(float[] x, int xo, float[] out, int oo, int n, float scale, float shift, boolean abs) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(S, x, xo + i, in);
            if (abs) {
                v = v.abs();
            }
            v = v.fma(scale, shift);
            FloatVector c = v.max(EXP_MIN).min(EXP_MAX);
            FloatVector k = c.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUND)).sub(ROUND);
            FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), c);
            r = k.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector p = r.fma(FloatVector.broadcast(S, 1.9875691500e-4f),
                    FloatVector.broadcast(S, 1.3981999507e-3f));
            p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
            p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
            p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
            p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
            FloatVector y = p.fma(r.mul(r), r).add(1f);
            // 2^k as 2^h 2^(k - h), h = floor(k / 2): both normal floats for every k in [-126, 128], from bits
            IntVector ki = (IntVector) k.convert(VectorOperators.F2I, 0), h = ki.lanewise(VectorOperators.ASHR, 1);
            y = y.mul(h.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
                    .mul(ki.sub(h).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            y = y.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.GT, EXP_MAX));
            y = y.blend(0f, v.compare(VectorOperators.LT, EXP_MIN));
            y.blend(v, v.test(VectorOperators.IS_NAN)).intoArray(out, oo + i, in);
        }
    }

    /**
     * {@code x = ln(1 + x)} for x in [0, 1] (what softplus needs), exact to the last bits for tiny x.
     *
     * @param x modified
     */
    static void log1p(float[] x, int off, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            FloatVector v = FloatVector.fromArray(S, x, off + i, in), u = v.add(1f);
            // u in [1, 2]: m = u or u / 2, whichever lies in [sqrt(1/2), sqrt(2))
            VectorMask<Float> big = u.compare(VectorOperators.GT, 1.41421356f);
            FloatVector m = u.blend(u.mul(0.5f), big);
            FloatVector k = FloatVector.zero(S).blend(1f, big);
            FloatVector f = m.sub(1f), z = f.mul(f);
            FloatVector p = f.fma(FloatVector.broadcast(S, 7.0376836292e-2f),
                    FloatVector.broadcast(S, -1.1514610310e-1f));
            p = p.fma(f, FloatVector.broadcast(S, 1.1676998740e-1f));
            p = p.fma(f, FloatVector.broadcast(S, -1.2420140846e-1f));
            p = p.fma(f, FloatVector.broadcast(S, 1.4249322787e-1f));
            p = p.fma(f, FloatVector.broadcast(S, -1.6668057665e-1f));
            p = p.fma(f, FloatVector.broadcast(S, 2.0000714765e-1f));
            p = p.fma(f, FloatVector.broadcast(S, -2.4999993993e-1f));
            p = p.fma(f, FloatVector.broadcast(S, 3.3333331174e-1f));
            FloatVector y = p.mul(z).mul(f).sub(z.mul(0.5f)).add(f); // ln m = f - f^2/2 + f^3 P(f)
            y = k.fma(FloatVector.broadcast(S, LN2_LO), y).add(k.mul(LN2_HI));
            // u = 1 + x rounded: ln(1 + x) = ln u + (x - (u - 1)) / u puts back what the rounding dropped
            y.add(v.sub(u.sub(1f)).div(u)).intoArray(x, off + i, in);
        }
    }
}
