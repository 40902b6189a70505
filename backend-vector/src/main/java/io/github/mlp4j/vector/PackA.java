package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.MR;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs rows of {@code alpha op(A)} into the {@link Kernel}'s MR-row tiles: k-major inside a tile (the MR
 * values of one k side by side), zero-padded past the last row. Alpha is applied here, once per element
 * of A, rather than to every tile of C.
 *
 * <p>For {@code A^T} a tile's MR values of one k are already contiguous: one 256-bit copy. For {@code A}
 * they lie in MR rows, so blocks of 8 rows x 16 k's are transposed in registers, three rounds of
 * two-vector lane selections, where the scalar copy stored one float at a time. Single thread, the 64 x
 * 784 rows of a 128x784x256 GEMM's half: 19 us scalar, 9.5 us transposed (of about 200 us for the GEMM).
 */
final class PackA {

    /** The transpose is written for 16-lane (512-bit) vectors; elsewhere the scalar copy runs. */
    static final boolean TRANSPOSE = L == 16;
    /** One tile row of A^T: MR = 8 floats. Used where the preferred vectors are at least that wide. */
    private static final VectorSpecies<Float> TILE_ROW = FloatVector.SPECIES_256;
    private static final boolean COPY_ROWS = L >= 8;
    /*
     * Lane selections for the transpose, indices into two 16-lane vectors (16.. is the second): LO_g takes
     * g lanes of the first vector, then g of the second, and so on over their low halves; HI_g the same
     * over the high halves. Rounds g = 1, 2, 4 interleave rows in pairs, then pairs of pairs, then fours.
     */
    private static final FloatVector LO1 = select(1, 0), HI1 = select(1, 8), LO2 = select(2, 0), HI2 = select(2, 8),
            LO4 = select(4, 0), HI4 = select(4, 8);

    private PackA() {
    }

    private static FloatVector select(int g, int half) {
        float[] x = new float[L];
        for (int lane = 0; lane < L && TRANSPOSE; lane++) {
            int e = lane % (2 * g), from = half + g * (lane / (2 * g)) + e % g;
            x[lane] = e < g ? from : from + L;
        }
        return FloatVector.fromArray(S, x, 0);
    }

    /** Rows [m0, m1), k's [kb, kb + kc) into {@code dst} (modified), tile after tile. */
    static void pack(boolean transA, float alpha, float[] a, int lda, int m0, int m1, int kb, int kc, float[] dst) {
        for (int i0 = m0, t = 0; i0 < m1; i0 += MR, t++) {
            int base = t * kc * MR, mr = Math.min(MR, m1 - i0), p = 0;
            if (transA) {
                if (mr == MR && COPY_ROWS) {
                    for (; p < kc; p++) {
                        FloatVector.fromArray(TILE_ROW, a, (kb + p) * lda + i0).mul(alpha).intoArray(dst, base + p * MR);
                    }
                }
                for (; p < kc; p++) {
                    int src = (kb + p) * lda + i0, d = base + p * MR;
                    for (int r = 0; r < MR; r++) {
                        dst[d + r] = r < mr ? alpha * a[src + r] : 0f;
                    }
                }
            } else {
                if (mr == MR && TRANSPOSE) {
                    p = transposed(alpha, a, lda, i0 * lda + kb, kc, dst, base);
                }
                for (int r = 0; r < MR; r++) {
                    int src = (i0 + r) * lda + kb, d = base + r;
                    for (int q = p; q < kc; q++) {
                        dst[d + q * MR] = r < mr ? alpha * a[src + q] : 0f;
                    }
                }
            }
        }
    }

    /**
     * The 8 rows from {@code a[src]} (stride {@code lda}), k's in blocks of 16 while a whole block fits in
     * {@code kc}, transposed to {@code dst[base]}; returns the k's done.
     */
    private static int transposed(float alpha, float[] a, int lda, int src, int kc, float[] dst, int base) {
        int p = 0;
        for (; p + L <= kc; p += L) {
            int s = src + p, d = base + p * MR;
            FloatVector x0 = FloatVector.fromArray(S, a, s).mul(alpha), x1 = FloatVector.fromArray(S, a, s + lda).mul(alpha);
            FloatVector x2 = FloatVector.fromArray(S, a, s + 2 * lda).mul(alpha);
            FloatVector x3 = FloatVector.fromArray(S, a, s + 3 * lda).mul(alpha);
            FloatVector x4 = FloatVector.fromArray(S, a, s + 4 * lda).mul(alpha);
            FloatVector x5 = FloatVector.fromArray(S, a, s + 5 * lda).mul(alpha);
            FloatVector x6 = FloatVector.fromArray(S, a, s + 6 * lda).mul(alpha);
            FloatVector x7 = FloatVector.fromArray(S, a, s + 7 * lda).mul(alpha);
            // Round 1: rows in pairs, k's 0-7 (l) and 8-15 (h).
            FloatVector p01l = LO1.selectFrom(x0, x1), p01h = HI1.selectFrom(x0, x1);
            FloatVector p23l = LO1.selectFrom(x2, x3), p23h = HI1.selectFrom(x2, x3);
            FloatVector p45l = LO1.selectFrom(x4, x5), p45h = HI1.selectFrom(x4, x5);
            FloatVector p67l = LO1.selectFrom(x6, x7), p67h = HI1.selectFrom(x6, x7);
            // Round 2: rows 0-3 and 4-7, four k's each; round 3: all 8 rows of two k's per vector.
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
        return p;
    }
}
