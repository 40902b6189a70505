package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.NR;
import static io.github.mlp4j.vector.Kernel.S;
import static io.github.mlp4j.vector.Transpose.HI1;
import static io.github.mlp4j.vector.Transpose.HI2;
import static io.github.mlp4j.vector.Transpose.HI4;
import static io.github.mlp4j.vector.Transpose.HI8;
import static io.github.mlp4j.vector.Transpose.LO1;
import static io.github.mlp4j.vector.Transpose.LO2;
import static io.github.mlp4j.vector.Transpose.LO4;
import static io.github.mlp4j.vector.Transpose.LO8;

import jdk.incubator.vector.FloatVector;

/**
 * Packs NR columns of {@code op(B)} into one contiguous panel for the {@link Kernel}: the NR values of one
 * k side by side, k after k, zero-padded past the last column. For {@code B} that is two vector copies per
 * k. For {@code B^T} the panel's columns are rows of B: blocks of 16 rows x 16 k's are transposed in
 * registers ({@link Transpose}'s selections). All panels of a 256 x 784 B^T in k-blocks of 196, single
 * thread, both alternating in one JVM (medians of 21 rounds): 72 us when the 16 x 16 transpose was two 8 x 16 ones
 * joined through memory, 49 us all in registers (a second JVM, slower host: 97 and 73 us); a plain panel
 * copy of the same B takes 19 us, and a scalar transposing copy took 2.5 times the first figure.
 */
final class PackB {

    private PackB() {
    }

    /**
     * Columns [j0, j0 + nc) of op(B), k's [kb, kb + kc), into {@code dst[0..kc * NR)} (modified).
     */
    static void pack(boolean transB, float[] b, int ldb, int kb, int kc, int j0, int nc, float[] dst) {
        if (transB) {
            int p = 0;
            if (nc == NR && Transpose.AVAILABLE) {
                // 16 rows x 16 k's at a time, in registers: each 8-row half through three rounds of selections
                // (Transpose's LO1 .. HI4), a fourth round joining their 8-row columns. Written out here, not
                // called: a method of its own this large was compiled by C2 only seconds into a first
                // training (its callers' counts do not reach it), and ran allocating C1 code until then.
                p = kc / L * L;
                for (int h = 0; h < NR; h += L) {
                    for (int q = 0; q < p; q += L) {
                        int src = (j0 + h) * ldb + kb + q, d = h + q * NR;
                        FloatVector x0 = FloatVector.fromArray(S, b, src);
                        FloatVector x1 = FloatVector.fromArray(S, b, src + ldb);
                        FloatVector x2 = FloatVector.fromArray(S, b, src + 2 * ldb);
                        FloatVector x3 = FloatVector.fromArray(S, b, src + 3 * ldb);
                        FloatVector x4 = FloatVector.fromArray(S, b, src + 4 * ldb);
                        FloatVector x5 = FloatVector.fromArray(S, b, src + 5 * ldb);
                        FloatVector x6 = FloatVector.fromArray(S, b, src + 6 * ldb);
                        FloatVector x7 = FloatVector.fromArray(S, b, src + 7 * ldb);
                        FloatVector p01l = LO1.selectFrom(x0, x1);
                        FloatVector p01h = HI1.selectFrom(x0, x1);
                        FloatVector p23l = LO1.selectFrom(x2, x3);
                        FloatVector p23h = HI1.selectFrom(x2, x3);
                        FloatVector p45l = LO1.selectFrom(x4, x5);
                        FloatVector p45h = HI1.selectFrom(x4, x5);
                        FloatVector p67l = LO1.selectFrom(x6, x7);
                        FloatVector p67h = HI1.selectFrom(x6, x7);
                        FloatVector q0 = LO2.selectFrom(p01l, p23l);
                        FloatVector q1 = LO2.selectFrom(p45l, p67l);
                        FloatVector q2 = HI2.selectFrom(p01l, p23l);
                        FloatVector q3 = HI2.selectFrom(p45l, p67l);
                        FloatVector q4 = LO2.selectFrom(p01h, p23h);
                        FloatVector q5 = LO2.selectFrom(p45h, p67h);
                        FloatVector q6 = HI2.selectFrom(p01h, p23h);
                        FloatVector q7 = HI2.selectFrom(p45h, p67h);
                        // The top 8 rows: vector i holds columns 2i and 2i + 1.
                        FloatVector t0 = LO4.selectFrom(q0, q1);
                        FloatVector t1 = HI4.selectFrom(q0, q1);
                        FloatVector t2 = LO4.selectFrom(q2, q3);
                        FloatVector t3 = HI4.selectFrom(q2, q3);
                        FloatVector t4 = LO4.selectFrom(q4, q5);
                        FloatVector t5 = HI4.selectFrom(q4, q5);
                        FloatVector t6 = LO4.selectFrom(q6, q7);
                        FloatVector t7 = HI4.selectFrom(q6, q7);
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
                        HI8.selectFrom(t0, u).intoArray(dst, d + NR);
                        u = HI4.selectFrom(q0, q1);
                        LO8.selectFrom(t1, u).intoArray(dst, d + 2 * NR);
                        HI8.selectFrom(t1, u).intoArray(dst, d + 3 * NR);
                        u = LO4.selectFrom(q2, q3);
                        LO8.selectFrom(t2, u).intoArray(dst, d + 4 * NR);
                        HI8.selectFrom(t2, u).intoArray(dst, d + 5 * NR);
                        u = HI4.selectFrom(q2, q3);
                        LO8.selectFrom(t3, u).intoArray(dst, d + 6 * NR);
                        HI8.selectFrom(t3, u).intoArray(dst, d + 7 * NR);
                        u = LO4.selectFrom(q4, q5);
                        LO8.selectFrom(t4, u).intoArray(dst, d + 8 * NR);
                        HI8.selectFrom(t4, u).intoArray(dst, d + 9 * NR);
                        u = HI4.selectFrom(q4, q5);
                        LO8.selectFrom(t5, u).intoArray(dst, d + 10 * NR);
                        HI8.selectFrom(t5, u).intoArray(dst, d + 11 * NR);
                        u = LO4.selectFrom(q6, q7);
                        LO8.selectFrom(t6, u).intoArray(dst, d + 12 * NR);
                        HI8.selectFrom(t6, u).intoArray(dst, d + 13 * NR);
                        u = HI4.selectFrom(q6, q7);
                        LO8.selectFrom(t7, u).intoArray(dst, d + 14 * NR);
                        HI8.selectFrom(t7, u).intoArray(dst, d + 15 * NR);
                    }
                }
            }
            for (int j = 0; j < NR; j++) {
                int src = (j0 + j) * ldb + kb;
                for (int q = p; q < kc; q++) {
                    dst[q * NR + j] = j < nc ? b[src + q] : 0f;
                }
            }
        } else if (nc == NR) { // a full panel: two vector copies per k
            for (int p = 0; p < kc; p++) {
                int src = (kb + p) * ldb + j0;
                FloatVector.fromArray(S, b, src).intoArray(dst, p * NR);
                FloatVector.fromArray(S, b, src + L).intoArray(dst, p * NR + L);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int src = (kb + p) * ldb + j0;
                for (int j = 0; j < NR; j++) {
                    dst[p * NR + j] = j < nc ? b[src + j] : 0f;
                }
            }
        }
    }
}
