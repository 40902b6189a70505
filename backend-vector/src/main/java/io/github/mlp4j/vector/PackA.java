package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.MR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs rows of {@code alpha op(A)} into the {@link Kernel}'s MR-row tiles: k-major inside a tile (the MR
 * values of one k side by side), zero-padded past the last row. Alpha is applied here, once per element
 * of A, rather than to every tile of C.
 *
 * <p>For {@code A^T} a tile's MR values of one k are already contiguous: one 256-bit copy. For {@code A}
 * they lie in MR rows, so blocks of 8 rows x 16 k's are transposed in registers ({@link Transpose}),
 * where the scalar copy stored one float at a time. Single thread, the 64 x 784 rows of a 128x784x256
 * GEMM's half: 19 us scalar, 9.5 us transposed (of about 200 us for the GEMM).
 */
final class PackA {

    /** One tile row of A^T: MR = 8 floats. Used where the preferred vectors are at least that wide. */
    private static final VectorSpecies<Float> TILE_ROW = FloatVector.SPECIES_256;
    private static final boolean COPY_ROWS = L >= 8;

    private PackA() {
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
                if (mr == MR && Transpose.AVAILABLE) {
                    for (; p + L <= kc; p += L) {
                        Transpose.rows8(alpha, a, i0 * lda + kb + p, lda, dst, base + p * MR);
                    }
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
}
