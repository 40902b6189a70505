package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * In-register transposes for the packing of A and B: rounds of two-vector lane selections
 * ({@code selectFrom}, one permute instruction with AVX-512), where a scalar copy moved one float at a time.
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
    private static final FloatVector LO1 = select(1, 0), HI1 = select(1, 8), LO2 = select(2, 0), HI2 = select(2, 8),
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

    /**
     * 16 rows of {@code ks} floats (a multiple of 16) from {@code b[src]} (rows {@code ldb} apart)
     * transposed: column q, the 16 rows' q-th values, goes to {@code dst[d + q * ld]} (modified). All in
     * registers, 16 x 16 at a time: each half goes through {@link #rows8}'s three rounds, and a fourth joins
     * their 8-row columns. The loop is in here, not in the caller, so that the JIT sees this large method
     * hot by its back edges and compiles it early (called once per block it stayed in C1, allocating its
     * vectors, well into a first training).
     */
    static void rows16(float[] b, int src0, int ldb, int ks, float[] dst, int d0, int ld) {
        for (int p = 0; p < ks; p += L) {
            int src = src0 + p, d = d0 + p * ld;
            FloatVector x0 = FloatVector.fromArray(S, b, src), x1 = FloatVector.fromArray(S, b, src + ldb);
            FloatVector x2 = FloatVector.fromArray(S, b, src + 2 * ldb), x3 = FloatVector.fromArray(S, b, src + 3 * ldb);
            FloatVector x4 = FloatVector.fromArray(S, b, src + 4 * ldb), x5 = FloatVector.fromArray(S, b, src + 5 * ldb);
            FloatVector x6 = FloatVector.fromArray(S, b, src + 6 * ldb), x7 = FloatVector.fromArray(S, b, src + 7 * ldb);
            FloatVector p01l = LO1.selectFrom(x0, x1), p01h = HI1.selectFrom(x0, x1);
            FloatVector p23l = LO1.selectFrom(x2, x3), p23h = HI1.selectFrom(x2, x3);
            FloatVector p45l = LO1.selectFrom(x4, x5), p45h = HI1.selectFrom(x4, x5);
            FloatVector p67l = LO1.selectFrom(x6, x7), p67h = HI1.selectFrom(x6, x7);
            FloatVector q0 = LO2.selectFrom(p01l, p23l), q1 = LO2.selectFrom(p45l, p67l);
            FloatVector q2 = HI2.selectFrom(p01l, p23l), q3 = HI2.selectFrom(p45l, p67l);
            FloatVector q4 = LO2.selectFrom(p01h, p23h), q5 = LO2.selectFrom(p45h, p67h);
            FloatVector q6 = HI2.selectFrom(p01h, p23h), q7 = HI2.selectFrom(p45h, p67h);
            // The top 8 rows: vector i holds columns 2i and 2i + 1.
            FloatVector t0 = LO4.selectFrom(q0, q1), t1 = HI4.selectFrom(q0, q1);
            FloatVector t2 = LO4.selectFrom(q2, q3), t3 = HI4.selectFrom(q2, q3);
            FloatVector t4 = LO4.selectFrom(q4, q5), t5 = HI4.selectFrom(q4, q5);
            FloatVector t6 = LO4.selectFrom(q6, q7), t7 = HI4.selectFrom(q6, q7);
            int s8 = src + 8 * ldb;
            x0 = FloatVector.fromArray(S, b, s8);
            x1 = FloatVector.fromArray(S, b, s8 + ldb);
            x2 = FloatVector.fromArray(S, b, s8 + 2 * ldb);
            x3 = FloatVector.fromArray(S, b, s8 + 3 * ldb);
            x4 = FloatVector.fromArray(S, b, s8 + 4 * ldb);
            x5 = FloatVector.fromArray(S, b, s8 + 5 * ldb);
            x6 = FloatVector.fromArray(S, b, s8 + 6 * ldb);
            x7 = FloatVector.fromArray(S, b, s8 + 7 * ldb);
            p01l = LO1.selectFrom(x0, x1);
            p01h = HI1.selectFrom(x0, x1);
            p23l = LO1.selectFrom(x2, x3);
            p23h = HI1.selectFrom(x2, x3);
            p45l = LO1.selectFrom(x4, x5);
            p45h = HI1.selectFrom(x4, x5);
            p67l = LO1.selectFrom(x6, x7);
            p67h = HI1.selectFrom(x6, x7);
            q0 = LO2.selectFrom(p01l, p23l);
            q1 = LO2.selectFrom(p45l, p67l);
            q2 = HI2.selectFrom(p01l, p23l);
            q3 = HI2.selectFrom(p45l, p67l);
            q4 = LO2.selectFrom(p01h, p23h);
            q5 = LO2.selectFrom(p45h, p67h);
            q6 = HI2.selectFrom(p01h, p23h);
            q7 = HI2.selectFrom(p45h, p67h);
            // The bottom 8 rows' vector i (u), joined with the top's into columns 2i and 2i + 1.
            FloatVector u = LO4.selectFrom(q0, q1);
            LO8.selectFrom(t0, u).intoArray(dst, d);
            HI8.selectFrom(t0, u).intoArray(dst, d + ld);
            u = HI4.selectFrom(q0, q1);
            LO8.selectFrom(t1, u).intoArray(dst, d + 2 * ld);
            HI8.selectFrom(t1, u).intoArray(dst, d + 3 * ld);
            u = LO4.selectFrom(q2, q3);
            LO8.selectFrom(t2, u).intoArray(dst, d + 4 * ld);
            HI8.selectFrom(t2, u).intoArray(dst, d + 5 * ld);
            u = HI4.selectFrom(q2, q3);
            LO8.selectFrom(t3, u).intoArray(dst, d + 6 * ld);
            HI8.selectFrom(t3, u).intoArray(dst, d + 7 * ld);
            u = LO4.selectFrom(q4, q5);
            LO8.selectFrom(t4, u).intoArray(dst, d + 8 * ld);
            HI8.selectFrom(t4, u).intoArray(dst, d + 9 * ld);
            u = HI4.selectFrom(q4, q5);
            LO8.selectFrom(t5, u).intoArray(dst, d + 10 * ld);
            HI8.selectFrom(t5, u).intoArray(dst, d + 11 * ld);
            u = LO4.selectFrom(q6, q7);
            LO8.selectFrom(t6, u).intoArray(dst, d + 12 * ld);
            HI8.selectFrom(t6, u).intoArray(dst, d + 13 * ld);
            u = HI4.selectFrom(q6, q7);
            LO8.selectFrom(t7, u).intoArray(dst, d + 14 * ld);
            HI8.selectFrom(t7, u).intoArray(dst, d + 15 * ld);
        }
    }
}
