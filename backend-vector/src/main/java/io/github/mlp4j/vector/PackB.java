package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.NR;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * Packs NR columns of {@code op(B)} into one contiguous panel for the {@link Kernel}: the NR values of one
 * k side by side, k after k, zero-padded past the last column. For {@code B} that is two vector copies per
 * k. For {@code B^T} the panel's columns are rows of B: blocks of 16 rows x 16 k's are transposed in
 * registers ({@link Transpose}). Single thread, all of a 512 x 1024 B^T, scalar and transposed
 * alternating in one JVM: 827-894 us scalar, 316-322 us transposed.
 */
final class PackB {

    private PackB() {
    }

    /**
     * Columns [j0, j0 + nc) of op(B), k's [kb, kb + kc), into {@code dst} (modified, {@code kc * NR} floats);
     * {@code tmp} (256 floats) is scratch.
     */
    static void pack(boolean transB, float[] b, int ldb, int kb, int kc, int j0, int nc, float[] dst, float[] tmp) {
        if (transB) {
            int p = 0;
            if (nc == NR && Transpose.AVAILABLE) {
                for (; p + L <= kc; p += L) {
                    Transpose.rows16(b, j0 * ldb + kb + p, ldb, dst, p * NR, NR, tmp);
                    Transpose.rows16(b, (j0 + L) * ldb + kb + p, ldb, dst, p * NR + L, NR, tmp);
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
