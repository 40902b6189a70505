package io.github.mlp4j.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM micro-kernel: an {@link #MR} x {@link #NR} tile of C held in 16 vector registers while a
 * rank-1 update per k broadcasts 8 values of A against 2 vectors of B.
 *
 * <p>Why this shape: measured on the target machine (JDK 25, 512-bit vectors), 8 rows x 2 vectors ran
 * at 95-97 % of the FMA peak, while 8x3 and 6x4 spilled registers. There is exactly one kernel, always
 * full size: edges go through zero-padded packing and a scratch tile instead of remainder kernels,
 * which stayed in C1 and made whole GEMMs crawl. The accumulators are plain locals, never passed
 * anywhere that could make them escape.
 */
final class Kernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the C tile. */
    static final int MR = 8;
    /** Columns of the C tile: two vectors. */
    static final int NR = 2 * L;

    private Kernel() {
    }

    /**
     * {@code C[r, 0..NR) (+)= sum_p a[ao + p*MR + r] * b[bo + p*ldb + 0..NR)} for the MR rows r of the tile
     * at {@code c[co]} (row stride {@code ldc}): overwriting C, or adding to it when {@code add}. Alpha and
     * beta are applied by the caller (alpha in the packed A, beta to C beforehand), which keeps this method
     * small enough that C2 inlines every vector operation: a store helper that failed to inline
     * (NodeCountInliningCutoff) boxed the accumulators and cost 10x.
     *
     * @param a packed A: MR values per k, k-major. Not modified.
     * @param b B panel: NR contiguous values per k, rows {@code ldb} apart. Not modified.
     * @param c modified
     */
    static void tile(int kc, float[] a, int ao, float[] b, int bo, int ldb, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c10 = FloatVector.zero(S),
                c11 = FloatVector.zero(S), c20 = FloatVector.zero(S), c21 = FloatVector.zero(S),
                c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c40 = FloatVector.zero(S),
                c41 = FloatVector.zero(S), c50 = FloatVector.zero(S), c51 = FloatVector.zero(S),
                c60 = FloatVector.zero(S), c61 = FloatVector.zero(S), c70 = FloatVector.zero(S),
                c71 = FloatVector.zero(S);
        // Indices are linear in p, so that C2's range-check elimination hoists the bounds checks.
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * MR, bp = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp), b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, a[ap + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, a[ap + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc, r7 = r6 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, co));
            c01 = c01.add(FloatVector.fromArray(S, c, co + L));
            c10 = c10.add(FloatVector.fromArray(S, c, r1));
            c11 = c11.add(FloatVector.fromArray(S, c, r1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, r2));
            c21 = c21.add(FloatVector.fromArray(S, c, r2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, r3));
            c31 = c31.add(FloatVector.fromArray(S, c, r3 + L));
            c40 = c40.add(FloatVector.fromArray(S, c, r4));
            c41 = c41.add(FloatVector.fromArray(S, c, r4 + L));
            c50 = c50.add(FloatVector.fromArray(S, c, r5));
            c51 = c51.add(FloatVector.fromArray(S, c, r5 + L));
            c60 = c60.add(FloatVector.fromArray(S, c, r6));
            c61 = c61.add(FloatVector.fromArray(S, c, r6 + L));
            c70 = c70.add(FloatVector.fromArray(S, c, r7));
            c71 = c71.add(FloatVector.fromArray(S, c, r7 + L));
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + L);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + L);
    }
}
