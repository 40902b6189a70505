package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.NR;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * Packs NR columns of {@code op(B)} into one contiguous panel for the {@link Kernel}: the NR values of one
 * k side by side, k after k, zero-padded past the last column. For {@code B} that is two vector copies per
 * k. For {@code B^T} the panel's columns are rows of B: blocks of 16 rows x 16 k's are transposed in
 * registers ({@link Transpose#rows16}). All panels of a 256 x 784 B^T in k-blocks of 196, single thread,
 * both alternating in one JVM (medians of 21 rounds): 72 us when the 16 x 16 transpose was two 8 x 16 ones
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
                p = kc / L * L;
                Transpose.rows16(b, j0 * ldb + kb, ldb, p, dst, 0, NR);
                Transpose.rows16(b, (j0 + L) * ldb + kb, ldb, p, dst, L, NR);
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
