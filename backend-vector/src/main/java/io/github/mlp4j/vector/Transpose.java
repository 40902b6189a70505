package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * In-register transposes for the packing of A and B: rounds of two-vector lane selections
 * ({@code selectFrom}, one permute instruction with AVX-512), where a scalar copy moved one float at a time.
 * The 16 x 16 transposes of B^T are written out in {@link PackB#pack}, with these selections.
 */
final class Transpose {

    /** Written for 16-lane (512-bit) vectors; elsewhere the packing copies scalar. */
    static final boolean AVAILABLE = L == 16;
    /*
     * Lane selections, indices into two 16-lane vectors (16.. is the second): LO_g takes g lanes of the
     * first vector, then g of the second, and so on over their low halves; HI_g the same over the high
     * halves. Rounds g = 1, 2, 4 interleave rows in pairs, then pairs of pairs, then fours; g = 8 joins two
     * 8-row transposes into whole 16-row columns.
     */
    static final FloatVector LO1 = select(1, 0), HI1 = select(1, 8), LO2 = select(2, 0), HI2 = select(2, 8),
            LO4 = select(4, 0), HI4 = select(4, 8), LO8 = select(8, 0), HI8 = select(8, 8);

    private Transpose() {
    }

    private static FloatVector select(int g, int half) {
        float[] x = new float[L];
        for (int lane = 0; lane < L && AVAILABLE; lane++) {
            int e = lane % (2 * g), from = half + g * (lane / (2 * g)) + e % g;
            x[lane] = e < g ? from : from + L;
        }
        return FloatVector.fromArray(S, x, 0);
    }

    /**
     * 8 rows of 16 floats from {@code a[src]} (rows {@code lda} apart), times alpha, transposed into 128
     * floats at {@code dst[d]} (modified): the 8 rows' first values, then their second values, and so on.
     */
    static void rows8(float alpha, float[] a, int src, int lda, float[] dst, int d) {
        FloatVector x0 = FloatVector.fromArray(S, a, src).mul(alpha), x1 = FloatVector.fromArray(S, a, src + lda).mul(alpha);
        FloatVector x2 = FloatVector.fromArray(S, a, src + 2 * lda).mul(alpha);
        FloatVector x3 = FloatVector.fromArray(S, a, src + 3 * lda).mul(alpha);
        FloatVector x4 = FloatVector.fromArray(S, a, src + 4 * lda).mul(alpha);
        FloatVector x5 = FloatVector.fromArray(S, a, src + 5 * lda).mul(alpha);
        FloatVector x6 = FloatVector.fromArray(S, a, src + 6 * lda).mul(alpha);
        FloatVector x7 = FloatVector.fromArray(S, a, src + 7 * lda).mul(alpha);
        // Round 1: rows in pairs, values 0-7 (l) and 8-15 (h).
        FloatVector p01l = LO1.selectFrom(x0, x1), p01h = HI1.selectFrom(x0, x1);
        FloatVector p23l = LO1.selectFrom(x2, x3), p23h = HI1.selectFrom(x2, x3);
        FloatVector p45l = LO1.selectFrom(x4, x5), p45h = HI1.selectFrom(x4, x5);
        FloatVector p67l = LO1.selectFrom(x6, x7), p67h = HI1.selectFrom(x6, x7);
        // Round 2: rows 0-3 and 4-7, four values each; round 3: all 8 rows of two values per vector.
        FloatVector q0 = LO2.selectFrom(p01l, p23l), q1 = LO2.selectFrom(p45l, p67l);
        LO4.selectFrom(q0, q1).intoArray(dst, d);
        HI4.selectFrom(q0, q1).intoArray(dst, d + L);
        q0 = HI2.selectFrom(p01l, p23l);
        q1 = HI2.selectFrom(p45l, p67l);
        LO4.selectFrom(q0, q1).intoArray(dst, d + 2 * L);
        HI4.selectFrom(q0, q1).intoArray(dst, d + 3 * L);
        q0 = LO2.selectFrom(p01h, p23h);
        q1 = LO2.selectFrom(p45h, p67h);
        LO4.selectFrom(q0, q1).intoArray(dst, d + 4 * L);
        HI4.selectFrom(q0, q1).intoArray(dst, d + 5 * L);
        q0 = HI2.selectFrom(p01h, p23h);
        q1 = HI2.selectFrom(p45h, p67h);
        LO4.selectFrom(q0, q1).intoArray(dst, d + 6 * L);
        HI4.selectFrom(q0, q1).intoArray(dst, d + 7 * L);
    }
}
