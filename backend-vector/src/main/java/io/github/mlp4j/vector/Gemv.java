package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * The two memory-bound GEMMs of a batch of one: a row times a matrix ({@code c = alpha a B + beta c}, the
 * forward pass) and an outer product ({@code C = alpha a b + beta C}, k = 1, the weight gradient). Both
 * stream a whole matrix for one multiply-add per element, so for large matrices they split across the
 * pool by rows of that matrix, in the same stripes as {@link Stripes} splits the optimizer update: each
 * core then reads and writes the half of the weights and gradients already in its cache.
 *
 * <p>A row times a matrix splits by k, so the threads' sums must be added: for a large B the k's are cut
 * into fixed chunks ({@link Sgemm#KC} at most, as even as possible), each chunk summed on its own, and the
 * chunk sums added in order, whatever the thread count, so the result does not depend on it.
 */
final class Gemv implements WorkerPool.Task {

    private final WorkerPool pool;
    // The product being split, set while holding the pool.
    private boolean outer;
    private float alpha, beta;
    private float[] a, b, c, sums; // sums: the caller's Sgemm.Scratch.sums, one row of n per chunk
    private int m, n, k, ldb, chunk, chunks;

    Gemv(WorkerPool pool) {
        this.pool = pool;
    }

    /** {@code c = alpha a B + beta c}: a has k values, B is k x n (rows ldb apart). @param c modified */
    void gemv(float alpha, float[] a, float[] b, int ldb, float beta, float[] c, int n, int k) {
        int chunks = (k + Sgemm.KC - 1) / Sgemm.KC;
        if (chunks < 2 || (long) k * n < Stripes.MIN_FLOATS) {
            scale(beta, c, n);
            rows(alpha, a, 0, k, b, ldb, c, 0, n);
            return;
        }
        int chunk = Sgemm.kcMax(k); // the GEMM's k-blocks
        Sgemm.Scratch s = Sgemm.scratch();
        if (s.sums.length < chunks * n) {
            s.sums = new float[chunks * n];
        }
        float[] sums = s.sums;
        if (pool.tryAcquire()) {
            try {
                set(false, alpha, a, b, beta, c, 1, n, k);
                this.chunk = chunk;
                this.chunks = chunks;
                this.ldb = ldb;
                this.sums = sums;
                pool.run(this);
            } finally {
                this.a = this.b = this.c = this.sums = null;
                pool.release();
            }
        } else {
            chunkSums(alpha, a, b, ldb, n, k, chunk, 0, chunks, sums);
        }
        scale(beta, c, n);
        for (int t = 0; t < chunks; t++) {
            add(sums, t * n, c, 0, n);
        }
    }

    /**
     * {@code C = alpha a b + beta C}: a column of m times a row of n, both contiguous. Returns whether the
     * threads wrote C in stripes. @param c modified
     */
    boolean outer(float alpha, float[] a, float[] b, float beta, float[] c, int m, int n) {
        if ((long) m * n >= Stripes.MIN_FLOATS && pool.tryAcquire()) {
            try {
                set(true, alpha, a, b, beta, c, m, n, 1);
                pool.run(this);
                return true;
            } finally {
                this.a = this.b = this.c = null;
                pool.release();
            }
        }
        outer(alpha, a, b, beta, c, n, 0, m);
        return false;
    }

    private void set(boolean outer, float alpha, float[] a, float[] b, float beta, float[] c, int m, int n, int k) {
        this.outer = outer;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.c = c;
        this.m = m;
        this.n = n;
        this.k = k;
    }

    /** One thread's stripe: its rows of C, or its chunks of B's rows. */
    @Override
    public void run(int part, int parts) {
        if (outer) {
            // The rows that hold the same elements as this part's stripe of an optimizer update of C.
            int r0 = Math.ceilDiv(Stripes.from(m * n, part, parts), n), r1 = Math.ceilDiv(Stripes.to(m * n, part, parts), n);
            outer(alpha, a, b, beta, c, n, r0, r1);
        } else {
            int per = (chunks + parts - 1) / parts;
            int t0 = Math.min(chunks, part * per), t1 = Math.min(chunks, t0 + per);
            chunkSums(alpha, a, b, ldb, n, k, chunk, t0, t1, sums);
        }
    }

    /** Row t of {@code sums} (modified) = alpha a B over the k's of chunk t, for chunks [t0, t1). */
    private static void chunkSums(float alpha, float[] a, float[] b, int ldb, int n, int k, int chunk, int t0, int t1,
                                  float[] sums) {
        for (int t = t0; t < t1; t++) {
            java.util.Arrays.fill(sums, t * n, (t + 1) * n, 0f);
            rows(alpha, a, t * chunk, Math.min(k, (t + 1) * chunk), b, ldb, sums, t * n, n);
        }
    }

    private static void scale(float beta, float[] c, int n) {
        for (int j = 0; j < n; j++) {
            c[j] = beta == 0f ? 0f : beta * c[j];
        }
    }

    /** {@code c[co + j] += x[xo + j]} for j < n. @param c modified */
    static void add(float[] x, int xo, float[] c, int co, int n) {
        int bound = S.loopBound(n), j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(S, c, co + j).add(FloatVector.fromArray(S, x, xo + j)).intoArray(c, co + j);
        }
        for (; j < n; j++) {
            c[co + j] += x[xo + j];
        }
    }

    /**
     * {@code c[co + j] += sum over p in [p0, p1) of alpha a[p] B[p, j]}, in order of p. Streams B front to
     * back, four rows per pass over c (which stays in L1): reading B column panel by column panel instead
     * strode 1 KiB between loads and ran at a third of the speed. @param c modified
     */
    static void rows(float alpha, float[] a, int p0, int p1, float[] b, int ldb, float[] c, int co, int n) {
        int bound = S.loopBound(n), p = p0;
        for (; p + 4 <= p1; p += 4) {
            FloatVector x0 = FloatVector.broadcast(S, alpha * a[p]), x1 = FloatVector.broadcast(S, alpha * a[p + 1]),
                    x2 = FloatVector.broadcast(S, alpha * a[p + 2]), x3 = FloatVector.broadcast(S, alpha * a[p + 3]);
            int b0 = p * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector acc = FloatVector.fromArray(S, c, co + j);
                acc = FloatVector.fromArray(S, b, b0 + j).fma(x0, acc);
                acc = FloatVector.fromArray(S, b, b1 + j).fma(x1, acc);
                acc = FloatVector.fromArray(S, b, b2 + j).fma(x2, acc);
                acc = FloatVector.fromArray(S, b, b3 + j).fma(x3, acc);
                acc.intoArray(c, co + j);
            }
            for (; j < n; j++) {
                c[co + j] = Math.fma(alpha * a[p + 3], b[b3 + j], Math.fma(alpha * a[p + 2], b[b2 + j],
                        Math.fma(alpha * a[p + 1], b[b1 + j], Math.fma(alpha * a[p], b[b0 + j], c[co + j]))));
            }
        }
        for (; p < p1; p++) {
            float ap = alpha * a[p];
            FloatVector x = FloatVector.broadcast(S, ap);
            int b0 = p * ldb, j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, b, b0 + j).fma(x, FloatVector.fromArray(S, c, co + j)).intoArray(c, co + j);
            }
            for (; j < n; j++) {
                c[co + j] = Math.fma(ap, b[b0 + j], c[co + j]);
            }
        }
    }

    /**
     * Rows [i0, i1) of the outer product {@code C = alpha a b + beta C} (C is m x n, row-major), row by row:
     * one multiply per element and a store. Batch-1 training step of 784-256-128-10, against the tile
     * kernel: 13.1k -> 16.7k samples/s (both in one JVM, alternating). @param c modified
     */
    static void outer(float alpha, float[] a, float[] b, float beta, float[] c, int n, int i0, int i1) {
        int bound = S.loopBound(n);
        for (int i = i0; i < i1; i++) {
            float ai = alpha * a[i];
            FloatVector x = FloatVector.broadcast(S, ai);
            int row = i * n, j = 0;
            if (beta == 0f) {
                for (; j < bound; j += L) {
                    FloatVector.fromArray(S, b, j).mul(x).intoArray(c, row + j);
                }
                for (; j < n; j++) {
                    c[row + j] = ai * b[j];
                }
            } else {
                FloatVector bv = FloatVector.broadcast(S, beta);
                for (; j < bound; j += L) {
                    FloatVector.fromArray(S, b, j).fma(x, FloatVector.fromArray(S, c, row + j).mul(bv))
                            .intoArray(c, row + j);
                }
                for (; j < n; j++) {
                    c[row + j] = Math.fma(ai, b[j], beta * c[row + j]);
                }
            }
        }
    }
}
