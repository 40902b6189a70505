package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * {@code C = alpha A B^T + beta C} as dot products: row i of A and row j of B are both contiguous along
 * k, so each element of C is one dot product, with no packing. For few rows of A (up to
 * {@link Sgemm#DOT_MAX_M}) this beats the broadcast kernel, which must first transpose B into panels, a
 * cost that fewer rows share. Blocks of 4 x 4 outputs share each
 * load of A and B across 4 multiply-adds and keep 16 accumulators in registers; four rows of A (12 KiB at
 * k = 784) stay in L1 while B streams past.
 */
final class DotKernel {

    /**
     * Whether this kernel can run: its lane folds are written for 16-lane (512-bit) vectors. Elsewhere
     * {@link Sgemm} transposes B into panels for the tile kernel instead.
     */
    static final boolean AVAILABLE = L == 16;

    /*
     * FOLDS. A dot product ends as a vector of 16 partial sums. Their total is taken as a fixed tree of
     * lane-wise adds, not with reduceLanes(ADD), whose order is unspecified: C2's intrinsic adds as a tree
     * while the interpreter and C1 add lane after lane, so one sum came out an ulp apart before and after
     * JIT compilation (70 % of random 16-lane sums differed), and the same GEMM gave different results
     * depending on when it ran. A fold at distance d adds lanes i and i ^ d of two vectors at once: lanes
     * with bit d clear keep the first vector's pair sums, lanes with it set the second's. Four folds turn 16
     * accumulators into one vector of 16 totals: 13-16 ns where 16 reduceLanes took 15-21 (alone, in a loop).
     */
    private static final VectorMask<Float> H8 = high(8), H4 = high(4), H2 = high(2), H1 = high(1);
    private static final VectorShuffle<Float> X8 = swap(8), X4 = swap(4), X2 = swap(2), X1 = swap(1);

    private DotKernel() {
    }

    /** The lanes i with bit d set: 0xFF00 for d = 8, ..., 0xAAAA for d = 1. */
    private static VectorMask<Float> high(int d) {
        return VectorMask.fromLong(S, AVAILABLE ? 0xFFFFL & ~(0xFFFFL / ((1L << d) + 1)) : 0L);
    }

    /** Lane i takes lane i ^ d. */
    private static VectorShuffle<Float> swap(int d) {
        return VectorShuffle.fromOp(S, i -> (i ^ d) < L ? i ^ d : i);
    }

    /**
     * Rows [m0, m1) and columns [n0, n1) of C from the k's [ko, ko + k) of the rows of A and B; {@code sums}
     * (16 floats or more) is scratch.
     */
    static void block(float alpha, float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc, int ko,
                      int k, int m0, int m1, int n0, int n1, float[] sums) {
        int i = m0;
        for (; i + 4 <= m1; i += 4) {
            int j = n0;
            for (; j + 4 <= n1; j += 4) {
                quad(alpha, a, i * lda + ko, lda, b, j * ldb + ko, ldb, beta, c, i * ldc + j, ldc, k, sums);
            }
            for (int r = i; r < i + 4; r++) {
                rowRange(alpha, a, r * lda + ko, b, ldb, ko, beta, c, r * ldc, j, n1, k);
            }
        }
        for (; i < m1; i++) {
            rowRange(alpha, a, i * lda + ko, b, ldb, ko, beta, c, i * ldc, n0, n1, k);
        }
    }

    /** The 4 x 4 block of C at {@code c[co]}: rows of A from {@code a[ao]}, of B from {@code b[bo]}. */
    private static void quad(float alpha, float[] a, int ao, int lda, float[] b, int bo, int ldb, float beta,
                             float[] c, int co, int ldc, int k, float[] sums) {
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
        // Lane sums as a fixed tree of lane-wise adds (see FOLDS): lane 4r + c of f sums row r of the block
        // with column c. The accumulators enter in bit-reversed lane order, as the folds reverse it again.
        FloatVector v0 = s00.blend(s20, H8).add(s20.blend(s00, H8).rearrange(X8)),
                v1 = s10.blend(s30, H8).add(s30.blend(s10, H8).rearrange(X8)),
                v2 = s02.blend(s22, H8).add(s22.blend(s02, H8).rearrange(X8)),
                v3 = s12.blend(s32, H8).add(s32.blend(s12, H8).rearrange(X8)),
                v4 = s01.blend(s21, H8).add(s21.blend(s01, H8).rearrange(X8)),
                v5 = s11.blend(s31, H8).add(s31.blend(s11, H8).rearrange(X8)),
                v6 = s03.blend(s23, H8).add(s23.blend(s03, H8).rearrange(X8)),
                v7 = s13.blend(s33, H8).add(s33.blend(s13, H8).rearrange(X8));
        FloatVector w0 = v0.blend(v1, H4).add(v1.blend(v0, H4).rearrange(X4)),
                w1 = v2.blend(v3, H4).add(v3.blend(v2, H4).rearrange(X4)),
                w2 = v4.blend(v5, H4).add(v5.blend(v4, H4).rearrange(X4)),
                w3 = v6.blend(v7, H4).add(v7.blend(v6, H4).rearrange(X4));
        FloatVector x0 = w0.blend(w1, H2).add(w1.blend(w0, H2).rearrange(X2)),
                x1 = w2.blend(w3, H2).add(w3.blend(w2, H2).rearrange(X2));
        x0.blend(x1, H1).add(x1.blend(x0, H1).rearrange(X1)).intoArray(sums, 0);
        // The k's past the last full vector are added to each sum element by element, as rowRange does, so
        // that an element of C comes out the same whichever path computed it. Loops here, not calls: with the
        // folds, quad is too large for C2 to inline helpers, and 32 calls per block cost as much as the folds.
        for (int t = p; t < k; t++) {
            float e0 = a[ao + t], e1 = a[a1 + t], e2 = a[a2 + t], e3 = a[a3 + t];
            float f0 = b[bo + t], f1 = b[b1 + t], f2 = b[b2 + t], f3 = b[b3 + t];
            sums[0] = Math.fma(e0, f0, sums[0]);
            sums[1] = Math.fma(e0, f1, sums[1]);
            sums[2] = Math.fma(e0, f2, sums[2]);
            sums[3] = Math.fma(e0, f3, sums[3]);
            sums[4] = Math.fma(e1, f0, sums[4]);
            sums[5] = Math.fma(e1, f1, sums[5]);
            sums[6] = Math.fma(e1, f2, sums[6]);
            sums[7] = Math.fma(e1, f3, sums[7]);
            sums[8] = Math.fma(e2, f0, sums[8]);
            sums[9] = Math.fma(e2, f1, sums[9]);
            sums[10] = Math.fma(e2, f2, sums[10]);
            sums[11] = Math.fma(e2, f3, sums[11]);
            sums[12] = Math.fma(e3, f0, sums[12]);
            sums[13] = Math.fma(e3, f1, sums[13]);
            sums[14] = Math.fma(e3, f2, sums[14]);
            sums[15] = Math.fma(e3, f3, sums[15]);
        }
        for (int r = 0; r < 4; r++) {
            for (int q = 0, at = co + r * ldc; q < 4; q++, at++) {
                c[at] = beta == 0f ? alpha * sums[4 * r + q] : alpha * sums[4 * r + q] + beta * c[at];
            }
        }
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
     * One row of A (k values from {@code a[ao]}) against rows [n0, n1) of B (k values from column ko), into
     * row {@code c[co..]}: four B rows at a time share each load of A. Also the whole of a GEMM with one row.
     */
    static void rowRange(float alpha, float[] a, int ao, float[] b, int ldb, int ko, float beta, float[] c, int co,
                         int n0, int n1, int k) {
        int bound = S.loopBound(k), j = n0;
        for (; j + 4 <= n1; j += 4) {
            int r0 = j * ldb + ko, r1 = r0 + ldb, r2 = r1 + ldb, r3 = r2 + ldb;
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
            // The quad's folds (lanes 0, 8, 4, 12 end up holding the sums of s0, s1, s2, s3).
            FloatVector u0 = s0.blend(s1, H8).add(s1.blend(s0, H8).rearrange(X8)),
                    u1 = s2.blend(s3, H8).add(s3.blend(s2, H8).rearrange(X8));
            FloatVector w = u0.blend(u1, H4).add(u1.blend(u0, H4).rearrange(X4));
            w = w.add(w.rearrange(X2));
            w = w.add(w.rearrange(X1));
            float d0 = w.lane(0), d1 = w.lane(8), d2 = w.lane(4), d3 = w.lane(12);
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
            int p = 0, r0 = j * ldb + ko;
            for (; p < bound; p += L) {
                s0 = FloatVector.fromArray(S, b, r0 + p).fma(FloatVector.fromArray(S, a, ao + p), s0);
            }
            s0 = s0.add(s0.rearrange(X8));
            s0 = s0.add(s0.rearrange(X4));
            s0 = s0.add(s0.rearrange(X2));
            float d = s0.add(s0.rearrange(X1)).lane(0);
            for (; p < k; p++) {
                d = Math.fma(a[ao + p], b[r0 + p], d);
            }
            c[co + j] = beta == 0f ? alpha * d : alpha * d + beta * c[co + j];
        }
    }
}
