package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@code C = alpha op(A) B + beta C} for a B of at most one vector of columns (a 10-class output layer's
 * weights and gradients): each row of B is one masked vector, and 8 rows of C accumulate at once from
 * broadcast elements of A, read in place. The tile kernel would pad such a B to 32 columns, compute 3 times
 * the products needed, pack A and copy every C tile through scratch: in the batch-128 step its 128x128x10
 * {@code A B} and {@code A^T B} took 15-18 us each. Single thread, both paths alternating in one JVM:
 * 23.5 -> 48.1 GFLOP/s ({@code A B}), 21.7 -> 47.5 ({@code A^T B}); the batch-128 step 1.04-1.05x.
 */
final class Narrow {

    private Narrow() {
    }

    /** Whether {@link #gemm} takes this shape. */
    static boolean fits(boolean transB, int n) {
        return !transB && n <= L;
    }

    /**
     * {@code C = alpha op(A) B + beta C}, C m x n and row-major.
     *
     * <p>No vector or mask is made here, only in the methods it calls: until C2 compiles a method, each one it
     * makes is an object. With the tail's mask made here, a fresh JVM's first 2,000 steps of a small network
     * allocated 256 bytes a step in 2 of 4 runs.
     *
     * @param c modified @param tile scratch, at least 8 vectors
     */
    static void gemm(boolean transA, float alpha, float[] a, int lda, float[] b, int ldb, float beta, float[] c, int m,
                     int n, int k, float[] tile) {
        // A's element (i, p) is a[i * si + p * sp]
        int si = transA ? 1 : lda, sp = transA ? lda : 1;
        int i = 0;
        for (; i + 8 <= m; i += 8) {
            rows8(a, i * si, si, sp, b, ldb, n, k, tile);
            finish(tile, 8, c, i * n, n, alpha, beta);
        }
        for (; i < m; i++) {
            row(a, i * si, sp, b, ldb, n, k, tile);
            finish(tile, 1, c, i * n, n, alpha, beta);
        }
    }

    /** The sums of one row of C, as {@link #rows8}. */
    private static void row(float[] a, int ao, int sp, float[] b, int ldb, int n, int k, float[] tile) {
        VectorMask<Float> cols = S.indexInRange(0, n);
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            acc = FloatVector.fromArray(S, b, p * ldb, cols).fma(FloatVector.broadcast(S, a[ao + p * sp]), acc);
        }
        acc.intoArray(tile, 0);
    }

    /**
     * The sums of 8 rows of C, whose A rows start at {@code ao}, element by element {@code si} apart, into
     * {@code tile} (a vector per row). Stored there, not through a helper taking vectors, and the mask made
     * here, not passed in: where C2 does not inline a call, every vector or mask crossing it is an object.
     */
    private static void rows8(float[] a, int ao, int si, int sp, float[] b, int ldb, int n, int k, float[] tile) {
        VectorMask<Float> cols = S.indexInRange(0, n);
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, p * ldb, cols);
            int ap = ao + p * sp;
            c0 = bv.fma(FloatVector.broadcast(S, a[ap]), c0);
            c1 = bv.fma(FloatVector.broadcast(S, a[ap + si]), c1);
            c2 = bv.fma(FloatVector.broadcast(S, a[ap + 2 * si]), c2);
            c3 = bv.fma(FloatVector.broadcast(S, a[ap + 3 * si]), c3);
            c4 = bv.fma(FloatVector.broadcast(S, a[ap + 4 * si]), c4);
            c5 = bv.fma(FloatVector.broadcast(S, a[ap + 5 * si]), c5);
            c6 = bv.fma(FloatVector.broadcast(S, a[ap + 6 * si]), c6);
            c7 = bv.fma(FloatVector.broadcast(S, a[ap + 7 * si]), c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        c6.intoArray(tile, 6 * L);
        c7.intoArray(tile, 7 * L);
    }

    /** {@code C = alpha sums + beta C} for {@code rows} rows; C not read when beta is 0 (as BLAS). @param c modified */
    private static void finish(float[] tile, int rows, float[] c, int co, int n, float alpha, float beta) {
        VectorMask<Float> cols = S.indexInRange(0, n);
        for (int r = 0; r < rows; r++) {
            FloatVector v = FloatVector.fromArray(S, tile, r * L).mul(alpha);
            if (beta != 0f) {
                v = FloatVector.fromArray(S, c, co + r * n, cols).fma(FloatVector.broadcast(S, beta), v);
            }
            v.intoArray(c, co + r * n, cols);
        }
    }
}
