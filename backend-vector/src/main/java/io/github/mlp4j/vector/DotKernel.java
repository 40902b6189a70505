package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;
import static jdk.incubator.vector.VectorOperators.ADD;

import jdk.incubator.vector.FloatVector;

/**
 * {@code C = alpha A B^T + beta C} as dot products: row i of A and row j of B are both contiguous along
 * k, so each element of C is one dot product, with no packing. For few rows of A this beats the
 * broadcast kernel, which must first transpose B into panels (a scalar pass that, at 32x784x256, took
 * as long as the multiplication: 122 against 268 GFLOP/s for A B). Blocks of 4 x 4 outputs share each
 * load of A and B across 4 multiply-adds and keep 16 accumulators in registers; four rows of A (12 KiB at
 * k = 784) stay in L1 while B streams past.
 */
final class DotKernel {

    private DotKernel() {
    }

    /** Rows [m0, m1) and columns [n0, n1) of C. */
    static void block(float alpha, float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc, int k,
                      int m0, int m1, int n0, int n1) {
        int i = m0;
        for (; i + 4 <= m1; i += 4) {
            int j = n0;
            for (; j + 4 <= n1; j += 4) {
                quad(alpha, a, i * lda, lda, b, j * ldb, ldb, beta, c, i * ldc + j, ldc, k);
            }
            for (int r = i; r < i + 4; r++) {
                rowRange(alpha, a, r * lda, b, ldb, beta, c, r * ldc, j, n1, k);
            }
        }
        for (; i < m1; i++) {
            rowRange(alpha, a, i * lda, b, ldb, beta, c, i * ldc, n0, n1, k);
        }
    }

    /** The 4 x 4 block of C at {@code c[co]}: rows of A from {@code a[ao]}, of B from {@code b[bo]}. */
    private static void quad(float alpha, float[] a, int ao, int lda, float[] b, int bo, int ldb, float beta,
                             float[] c, int co, int ldc, int k) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S),
                s03 = FloatVector.zero(S), s10 = FloatVector.zero(S), s11 = FloatVector.zero(S),
                s12 = FloatVector.zero(S), s13 = FloatVector.zero(S), s20 = FloatVector.zero(S),
                s21 = FloatVector.zero(S), s22 = FloatVector.zero(S), s23 = FloatVector.zero(S),
                s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S),
                s33 = FloatVector.zero(S);
        int a1 = ao + lda, a2 = a1 + lda, a3 = a2 + lda, b1 = bo + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
        int bound = S.loopBound(k), p = 0;
        for (; p < bound; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, ao + p), x1 = FloatVector.fromArray(S, a, a1 + p),
                    x2 = FloatVector.fromArray(S, a, a2 + p), x3 = FloatVector.fromArray(S, a, a3 + p);
            FloatVector y = FloatVector.fromArray(S, b, bo + p);
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            s20 = x2.fma(y, s20);
            s30 = x3.fma(y, s30);
            y = FloatVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            s21 = x2.fma(y, s21);
            s31 = x3.fma(y, s31);
            y = FloatVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            s22 = x2.fma(y, s22);
            s32 = x3.fma(y, s32);
            y = FloatVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
            s23 = x2.fma(y, s23);
            s33 = x3.fma(y, s33);
        }
        // The k's past the last full vector are added to each sum element by element, as rowRange does, so
        // that an element of C comes out the same whichever path computed it.
        store(alpha, beta, c, co, tail(s00.reduceLanes(ADD), a, ao, b, bo, p, k), tail(s01.reduceLanes(ADD), a, ao, b, b1, p, k),
                tail(s02.reduceLanes(ADD), a, ao, b, b2, p, k), tail(s03.reduceLanes(ADD), a, ao, b, b3, p, k));
        store(alpha, beta, c, co + ldc, tail(s10.reduceLanes(ADD), a, a1, b, bo, p, k), tail(s11.reduceLanes(ADD), a, a1, b, b1, p, k),
                tail(s12.reduceLanes(ADD), a, a1, b, b2, p, k), tail(s13.reduceLanes(ADD), a, a1, b, b3, p, k));
        store(alpha, beta, c, co + 2 * ldc, tail(s20.reduceLanes(ADD), a, a2, b, bo, p, k), tail(s21.reduceLanes(ADD), a, a2, b, b1, p, k),
                tail(s22.reduceLanes(ADD), a, a2, b, b2, p, k), tail(s23.reduceLanes(ADD), a, a2, b, b3, p, k));
        store(alpha, beta, c, co + 3 * ldc, tail(s30.reduceLanes(ADD), a, a3, b, bo, p, k), tail(s31.reduceLanes(ADD), a, a3, b, b1, p, k),
                tail(s32.reduceLanes(ADD), a, a3, b, b2, p, k), tail(s33.reduceLanes(ADD), a, a3, b, b3, p, k));
    }

    /**
     * d plus a[ar + t] b[br + t] for t in [p, k). (Takes the reduced sum, never a vector: a vector passed
     * to a method C2 does not inline is boxed, which allocated 30 KB per training step.)
     */
    private static float tail(float d, float[] a, int ar, float[] b, int br, int p, int k) {
        for (int t = p; t < k; t++) {
            d = Math.fma(a[ar + t], b[br + t], d);
        }
        return d;
    }

    private static void store(float alpha, float beta, float[] c, int at, float d0, float d1, float d2, float d3) {
        if (beta == 0f) {
            c[at] = alpha * d0;
            c[at + 1] = alpha * d1;
            c[at + 2] = alpha * d2;
            c[at + 3] = alpha * d3;
        } else {
            c[at] = alpha * d0 + beta * c[at];
            c[at + 1] = alpha * d1 + beta * c[at + 1];
            c[at + 2] = alpha * d2 + beta * c[at + 2];
            c[at + 3] = alpha * d3 + beta * c[at + 3];
        }
    }

    /**
     * One row of A against rows [n0, n1) of B, into row {@code c[co..]}: four B rows at a time share each
     * load of A. Also the whole of a GEMM with one row.
     */
    static void rowRange(float alpha, float[] a, int ao, float[] b, int ldb, float beta, float[] c, int co, int n0,
                         int n1, int k) {
        int bound = S.loopBound(k), j = n0;
        for (; j + 4 <= n1; j += 4) {
            int r0 = j * ldb, r1 = r0 + ldb, r2 = r1 + ldb, r3 = r2 + ldb;
            FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S),
                    s3 = FloatVector.zero(S);
            int p = 0;
            for (; p < bound; p += L) {
                FloatVector x = FloatVector.fromArray(S, a, ao + p);
                s0 = FloatVector.fromArray(S, b, r0 + p).fma(x, s0);
                s1 = FloatVector.fromArray(S, b, r1 + p).fma(x, s1);
                s2 = FloatVector.fromArray(S, b, r2 + p).fma(x, s2);
                s3 = FloatVector.fromArray(S, b, r3 + p).fma(x, s3);
            }
            float d0 = s0.reduceLanes(ADD), d1 = s1.reduceLanes(ADD), d2 = s2.reduceLanes(ADD), d3 = s3.reduceLanes(ADD);
            for (; p < k; p++) {
                d0 = Math.fma(a[ao + p], b[r0 + p], d0);
                d1 = Math.fma(a[ao + p], b[r1 + p], d1);
                d2 = Math.fma(a[ao + p], b[r2 + p], d2);
                d3 = Math.fma(a[ao + p], b[r3 + p], d3);
            }
            store(alpha, beta, c, co + j, d0, d1, d2, d3);
        }
        for (; j < n1; j++) {
            FloatVector s0 = FloatVector.zero(S);
            int p = 0, r0 = j * ldb;
            for (; p < bound; p += L) {
                s0 = FloatVector.fromArray(S, b, r0 + p).fma(FloatVector.fromArray(S, a, ao + p), s0);
            }
            float d = s0.reduceLanes(ADD);
            for (; p < k; p++) {
                d = Math.fma(a[ao + p], b[r0 + p], d);
            }
            c[co + j] = beta == 0f ? alpha * d : alpha * d + beta * c[co + j];
        }
    }
}
