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
 * copy of the same B takes 19 us, and a scalar transposing copy took 2.5 times the first figure. Loading all
 * 16 rows first and then selecting round by round, instead of finishing 8 rows before loading the next 8:
 * 1.32-1.38x in three JVMs (16 alternating rounds of 100 ms each; 74 -> 53 us in one); whole GEMMs {@code A B^T}
 * in one JVM (15 alternating rounds of 300 ms): 128x784x256 1.04x on 2 threads (won 11 of 11), 64x256x128
 * 1.05x on one, 1024^3 unchanged.
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
                // 16 rows x 16 k's at a time, in registers: all 16 rows loaded, then four rounds of selections
                // (Transpose's LO1 .. HI8) over all of them. Written out here, not called: a method of its own
                // this large was compiled by C2 only seconds into a first training (its callers' counts do not
                // reach it), and ran allocating C1 code until then.
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
                        FloatVector x8 = FloatVector.fromArray(S, b, src + 8 * ldb);
                        FloatVector x9 = FloatVector.fromArray(S, b, src + 9 * ldb);
                        FloatVector x10 = FloatVector.fromArray(S, b, src + 10 * ldb);
                        FloatVector x11 = FloatVector.fromArray(S, b, src + 11 * ldb);
                        FloatVector x12 = FloatVector.fromArray(S, b, src + 12 * ldb);
                        FloatVector x13 = FloatVector.fromArray(S, b, src + 13 * ldb);
                        FloatVector x14 = FloatVector.fromArray(S, b, src + 14 * ldb);
                        FloatVector x15 = FloatVector.fromArray(S, b, src + 15 * ldb);
                        // Rows in pairs: p0 holds k's 0-7 of rows 0 and 1 interleaved, p1 k's 8-15, and so on.
                        FloatVector p0 = LO1.selectFrom(x0, x1), p1 = HI1.selectFrom(x0, x1);
                        FloatVector p2 = LO1.selectFrom(x2, x3), p3 = HI1.selectFrom(x2, x3);
                        FloatVector p4 = LO1.selectFrom(x4, x5), p5 = HI1.selectFrom(x4, x5);
                        FloatVector p6 = LO1.selectFrom(x6, x7), p7 = HI1.selectFrom(x6, x7);
                        FloatVector p8 = LO1.selectFrom(x8, x9), p9 = HI1.selectFrom(x8, x9);
                        FloatVector p10 = LO1.selectFrom(x10, x11), p11 = HI1.selectFrom(x10, x11);
                        FloatVector p12 = LO1.selectFrom(x12, x13), p13 = HI1.selectFrom(x12, x13);
                        FloatVector p14 = LO1.selectFrom(x14, x15), p15 = HI1.selectFrom(x14, x15);
                        // Rows in fours, 4 k's each: q0 rows 0-3 of k's 0-3, q1 of k's 4-7; q8, q9 k's 8-15.
                        FloatVector q0 = LO2.selectFrom(p0, p2), q1 = HI2.selectFrom(p0, p2);
                        FloatVector q2 = LO2.selectFrom(p4, p6), q3 = HI2.selectFrom(p4, p6);
                        FloatVector q4 = LO2.selectFrom(p8, p10), q5 = HI2.selectFrom(p8, p10);
                        FloatVector q6 = LO2.selectFrom(p12, p14), q7 = HI2.selectFrom(p12, p14);
                        FloatVector q8 = LO2.selectFrom(p1, p3), q9 = HI2.selectFrom(p1, p3);
                        FloatVector q10 = LO2.selectFrom(p5, p7), q11 = HI2.selectFrom(p5, p7);
                        FloatVector q12 = LO2.selectFrom(p9, p11), q13 = HI2.selectFrom(p9, p11);
                        FloatVector q14 = LO2.selectFrom(p13, p15), q15 = HI2.selectFrom(p13, p15);
                        // Rows in eights, 2 k's each: t0 rows 0-7 of k's 0-1, t4 rows 8-15 of the same k's.
                        FloatVector t0 = LO4.selectFrom(q0, q2), t1 = HI4.selectFrom(q0, q2);
                        FloatVector t2 = LO4.selectFrom(q1, q3), t3 = HI4.selectFrom(q1, q3);
                        FloatVector t4 = LO4.selectFrom(q4, q6), t5 = HI4.selectFrom(q4, q6);
                        FloatVector t6 = LO4.selectFrom(q5, q7), t7 = HI4.selectFrom(q5, q7);
                        FloatVector t8 = LO4.selectFrom(q8, q10), t9 = HI4.selectFrom(q8, q10);
                        FloatVector t10 = LO4.selectFrom(q9, q11), t11 = HI4.selectFrom(q9, q11);
                        FloatVector t12 = LO4.selectFrom(q12, q14), t13 = HI4.selectFrom(q12, q14);
                        FloatVector t14 = LO4.selectFrom(q13, q15), t15 = HI4.selectFrom(q13, q15);
                        // Both eights joined: all 16 rows of one k, k after k.
                        LO8.selectFrom(t0, t4).intoArray(dst, d);
                        HI8.selectFrom(t0, t4).intoArray(dst, d + NR);
                        LO8.selectFrom(t1, t5).intoArray(dst, d + 2 * NR);
                        HI8.selectFrom(t1, t5).intoArray(dst, d + 3 * NR);
                        LO8.selectFrom(t2, t6).intoArray(dst, d + 4 * NR);
                        HI8.selectFrom(t2, t6).intoArray(dst, d + 5 * NR);
                        LO8.selectFrom(t3, t7).intoArray(dst, d + 6 * NR);
                        HI8.selectFrom(t3, t7).intoArray(dst, d + 7 * NR);
                        LO8.selectFrom(t8, t12).intoArray(dst, d + 8 * NR);
                        HI8.selectFrom(t8, t12).intoArray(dst, d + 9 * NR);
                        LO8.selectFrom(t9, t13).intoArray(dst, d + 10 * NR);
                        HI8.selectFrom(t9, t13).intoArray(dst, d + 11 * NR);
                        LO8.selectFrom(t10, t14).intoArray(dst, d + 12 * NR);
                        HI8.selectFrom(t10, t14).intoArray(dst, d + 13 * NR);
                        LO8.selectFrom(t11, t15).intoArray(dst, d + 14 * NR);
                        HI8.selectFrom(t11, t15).intoArray(dst, d + 15 * NR);
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
