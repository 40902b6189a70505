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
 * cost that fewer rows share. Blocks of 8 x 3 outputs keep 24 accumulators in registers: eight rows of A
 * (25 KiB at k = 784) stay in L1 while B streams past from L2, each B load shared by 8 multiply-adds.
 * Rows left over go in blocks of 4 x 4, then one at a time. Single thread at 32x784x256, both kernels
 * alternating in one JVM: 8 x 3 blocks 73-89 GFLOP/s, 4 x 4 blocks 58-68 (+26-32 %).
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
     * (32 floats or more) is scratch.
     */
    static void block(float alpha, float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc, int ko,
                      int k, int m0, int m1, int n0, int n1, float[] sums) {
        int i = m0;
        for (; i + 8 <= m1; i += 8) {
            int j = n0;
            for (; j + 3 <= n1; j += 3) {
                oct(alpha, a, i * lda + ko, lda, b, j * ldb + ko, ldb, beta, c, i * ldc + j, ldc, k, sums);
            }
            for (int r = i; r < i + 8; r++) {
                rowRange(alpha, a, r * lda + ko, b, ldb, ko, beta, c, r * ldc, j, n1, k);
            }
        }
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

    /**
     * The 8 x 3 block of C at {@code c[co]}: rows of A from {@code a[ao]}, of B from {@code b[bo]}. Each of the
     * three B loads per step feeds 8 multiply-adds (4 in {@link #quad}), so B, which streams from L2, is read
     * half as often per multiply-add; 24 accumulators, 3 B vectors and one row of A fill 28 of 32 registers.
     */
    private static void oct(float alpha, float[] a, int ao, int lda, float[] b, int bo, int ldb, float beta,
                            float[] c, int co, int ldc, int k, float[] sums) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S);
        FloatVector s40 = FloatVector.zero(S), s41 = FloatVector.zero(S), s42 = FloatVector.zero(S);
        FloatVector s50 = FloatVector.zero(S), s51 = FloatVector.zero(S), s52 = FloatVector.zero(S);
        FloatVector s60 = FloatVector.zero(S), s61 = FloatVector.zero(S), s62 = FloatVector.zero(S);
        FloatVector s70 = FloatVector.zero(S), s71 = FloatVector.zero(S), s72 = FloatVector.zero(S);
        int a1 = ao + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda,
                a7 = a6 + lda, b1 = bo + ldb, b2 = b1 + ldb;
        int bound = S.loopBound(k), p = 0;
        for (; p < bound; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, bo + p), y1 = FloatVector.fromArray(S, b, b1 + p),
                    y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector x = FloatVector.fromArray(S, a, ao + p);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            s02 = x.fma(y2, s02);
            x = FloatVector.fromArray(S, a, a1 + p);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            s12 = x.fma(y2, s12);
            x = FloatVector.fromArray(S, a, a2 + p);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            s22 = x.fma(y2, s22);
            x = FloatVector.fromArray(S, a, a3 + p);
            s30 = x.fma(y0, s30);
            s31 = x.fma(y1, s31);
            s32 = x.fma(y2, s32);
            x = FloatVector.fromArray(S, a, a4 + p);
            s40 = x.fma(y0, s40);
            s41 = x.fma(y1, s41);
            s42 = x.fma(y2, s42);
            x = FloatVector.fromArray(S, a, a5 + p);
            s50 = x.fma(y0, s50);
            s51 = x.fma(y1, s51);
            s52 = x.fma(y2, s52);
            x = FloatVector.fromArray(S, a, a6 + p);
            s60 = x.fma(y0, s60);
            s61 = x.fma(y1, s61);
            s62 = x.fma(y2, s62);
            x = FloatVector.fromArray(S, a, a7 + p);
            s70 = x.fma(y0, s70);
            s71 = x.fma(y1, s71);
            s72 = x.fma(y2, s72);
        }
        // The folds of quad (see FOLDS), arranged so that lane 2r + q of the first vector sums row r with column
        // q < 2, and lanes 2r and 2r + 1 of the second row r with column 2.
        FloatVector p00 = s00.blend(s40, H8).add(s40.blend(s00, H8).rearrange(X8));
        FloatVector p10 = s10.blend(s50, H8).add(s50.blend(s10, H8).rearrange(X8));
        FloatVector p20 = s20.blend(s60, H8).add(s60.blend(s20, H8).rearrange(X8));
        FloatVector p30 = s30.blend(s70, H8).add(s70.blend(s30, H8).rearrange(X8));
        FloatVector p01 = s01.blend(s41, H8).add(s41.blend(s01, H8).rearrange(X8));
        FloatVector p11 = s11.blend(s51, H8).add(s51.blend(s11, H8).rearrange(X8));
        FloatVector p21 = s21.blend(s61, H8).add(s61.blend(s21, H8).rearrange(X8));
        FloatVector p31 = s31.blend(s71, H8).add(s71.blend(s31, H8).rearrange(X8));
        FloatVector p02 = s02.blend(s42, H8).add(s42.blend(s02, H8).rearrange(X8));
        FloatVector p12 = s12.blend(s52, H8).add(s52.blend(s12, H8).rearrange(X8));
        FloatVector p22 = s22.blend(s62, H8).add(s62.blend(s22, H8).rearrange(X8));
        FloatVector p32 = s32.blend(s72, H8).add(s72.blend(s32, H8).rearrange(X8));
        FloatVector q00 = p00.blend(p20, H4).add(p20.blend(p00, H4).rearrange(X4));
        FloatVector q10 = p10.blend(p30, H4).add(p30.blend(p10, H4).rearrange(X4));
        FloatVector q01 = p01.blend(p21, H4).add(p21.blend(p01, H4).rearrange(X4));
        FloatVector q11 = p11.blend(p31, H4).add(p31.blend(p11, H4).rearrange(X4));
        FloatVector q02 = p02.blend(p22, H4).add(p22.blend(p02, H4).rearrange(X4));
        FloatVector q12 = p12.blend(p32, H4).add(p32.blend(p12, H4).rearrange(X4));
        FloatVector u0 = q00.blend(q10, H2).add(q10.blend(q00, H2).rearrange(X2));
        FloatVector u1 = q01.blend(q11, H2).add(q11.blend(q01, H2).rearrange(X2));
        FloatVector u2 = q02.blend(q12, H2).add(q12.blend(q02, H2).rearrange(X2));
        u0.blend(u1, H1).add(u1.blend(u0, H1).rearrange(X1)).intoArray(sums, 0);
        u2.add(u2.rearrange(X1)).intoArray(sums, 16);
        for (int t = p; t < k; t++) { // the tail element by element, as in quad
            float f0 = b[bo + t], f1 = b[b1 + t], f2 = b[b2 + t];
            for (int r = 0, at = ao + t; r < 8; r++, at += lda) {
                float e = a[at];
                sums[2 * r] = Math.fma(e, f0, sums[2 * r]);
                sums[2 * r + 1] = Math.fma(e, f1, sums[2 * r + 1]);
                sums[16 + 2 * r] = Math.fma(e, f2, sums[16 + 2 * r]);
            }
        }
        for (int r = 0, at = co; r < 8; r++, at += ldc) {
            float d0 = sums[2 * r], d1 = sums[2 * r + 1], d2 = sums[16 + 2 * r];
            if (beta == 0f) {
                c[at] = alpha * d0;
                c[at + 1] = alpha * d1;
                c[at + 2] = alpha * d2;
            } else {
                c[at] = alpha * d0 + beta * c[at];
                c[at + 1] = alpha * d1 + beta * c[at + 1];
                c[at + 2] = alpha * d2 + beta * c[at + 2];
            }
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
