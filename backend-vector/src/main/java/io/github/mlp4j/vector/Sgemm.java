package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;
import static io.github.mlp4j.vector.Kernel.MR;
import static io.github.mlp4j.vector.Kernel.NR;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single-precision GEMM, {@code C = alpha op(A) op(B) + beta C}, row-major, on {@link Kernel}: A is
 * packed into MR-row tiles per block of {@link #KC} k's ({@link PackA}); B is packed panel by panel
 * (zero-padded) when a thread has more than {@link #PACK_ROWS} rows to reuse each panel, always,
 * transposing, for {@code A B^T}, and otherwise read in place except for a last, narrow panel. The
 * work splits across threads by row tiles, by column panels, or, with few rows and a large B, into two
 * halves of the k's ({@link #HALVES_MAX_M}). Every element of C is computed in an order that depends on
 * the shape alone, so the result does not depend on the thread count.
 */
final class Sgemm implements WorkerPool.Task {

    /**
     * k's per block: a 32-wide B panel of KC rows is 32 KiB, staying in L1 while every row tile of the
     * block streams past it.
     */
    static final int KC = 256;
    /**
     * B is packed, panel by panel, into a contiguous 32 KiB buffer only when a thread has more rows than
     * this, enough row tiles to reuse each packed panel. Read in place, a panel is 32 floats of rows 1 KiB
     * and more apart, which L1 cannot hold (few cache sets), so every row tile streams it again from L2.
     * Measured single-thread at 64x784x256: the kernel alone 198 us with B in place, 156 us on packed
     * panels (packing all of them: 24 us). In-JVM A/B with 50 ms alternating rounds, packing above 32 rows
     * against the former rule (only above 64 rows and 224K floats of B): 128x784x256 A B on 2 threads
     * 182 -> 223 GFLOP/s, 128x256x128 +11 %, the batch-128 training step +4 to +14 %; at 24 rows packing
     * lost 23 %, at 32 it was even.
     */
    static final int PACK_ROWS = 32;
    /**
     * Below this many multiply-adds (about 20 us of one core's work) a GEMM runs on one thread, unless it
     * runs in k halves ({@link #HALVES_MIN_MACS}) or writes a large C. A lone GEMM gains from a split well
     * below this, but inside a training step it lost: the other core must first pull the operands the
     * caller just wrote out of the caller's cache. Measured with JMH on the batch-32 training step (two runs
     * each): 2,089-2,132 steps/s with a threshold of 2^16, 3,471-3,556 with 2^23. Between 2^22 and 2^23, the
     * 128x256x128 GEMMs of the batch-128 step's second layer (all three of them: forward, both gradients)
     * gain from the split: 2^22 against 2^23 as a runtime switch in one JVM (1 s rounds alternating, median
     * of the last 9), batch-128 step 1.11-1.16x (won 9 of 9), that GEMM alone 1.68x; no GEMM of the batch-32
     * or 64 step falls between the two. The halves and the large gradients split from 2^21 because they
     * keep each half of a layer's weights on one core from step to step.
     */
    static final long PARALLEL_MIN_MACS = 1L << 22;
    /**
     * Nor with fewer k's than this: an outer product (k = 1, the weight gradient of a batch of 1) only
     * streams C, and splitting it cost more in hand-off and waiting than it saved (JMH -prof stack: 15 % of
     * a batch-1 step waiting for the other thread).
     */
    static final int PARALLEL_MIN_K = 16;
    /**
     * A B^T runs as dot products ({@link DotKernel}, no packing of B) only with at most this many rows and
     * a k more than 8 times the rows; otherwise B is transposed into panels for the tile kernel. Dot
     * products pay per element of C (a reduction, k/16 loads of both rows); the transposing pack pays per
     * element of B, shared by all rows. Since that pack runs in registers ({@link PackB}), single thread,
     * both paths alternating in one JVM, packed / dot (n = 256): at k = 784, 8 rows 0.24, 16 rows 0.61, 32
     * rows 0.99, 48 rows 1.15, 64 rows 1.28, 128 rows 1.26; at k = 256, 8 rows 0.51, 16 rows 0.82, 32 rows
     * 1.23, 64 rows 1.58; at k = 128, 4 rows 0.30, 8 rows 0.68, 16 rows 1.09, 32 rows 1.59. With the
     * scalar pack dot products had won up to 128 rows at k = 784. On 2 threads (each a k-half) in JMH forks,
     * {@code benchmarks/compare} with packing from 17 rows against from 33 (6 and 5 rounds): 32x784x256 packed
     * 1.14x the dot products (won 5 of 6), 24x784x256 0.92x (2 of 5); the dot kernel's speed also moved
     * from one JVM to the next (16 rows: 79-141 GFLOP/s in three fresh JVMs, packing 112-115).
     */
    static final int DOT_MAX_M = 24;
    /**
     * With at most this many rows, at least two k-blocks and a large B, C is computed as two halves of the
     * k-blocks, {@code C = (beta C + first half) + second half}, whatever the thread count, and two threads
     * take a half each ({@link #halves}). Split by rows instead, each thread reads (and packs) all of B; in
     * halves each reads and packs half of B, for all rows, and a layer keeps each half of its weights on the
     * core that updates it ({@link Stripes}, which splits the weight update in the same rows of B). Read by
     * both cores, the weights' cache lines are shared, and the update must first take each line back from
     * the other core: in the batch-128 step the SGD update of the 784 x 256 weights took 71 us with the
     * forward GEMM split by rows, against 13 us for the same update alone. Measured with the limit as a
     * runtime switch in one JVM (1 s rounds alternating, medians of the last 9 or 7 rounds): 128 against the
     * former 64, training step batch 128 1.13x (won 9 of 9), batch 100 1.05x, GEMM 128x784x256 A B / A^T B
     * / A B^T 0.95 / 1.09 / 1.11; 256 against 128, batch 256 1.17x (8 of 9); 1024 against 256, batches 512
     * and 1024 0.94 and 0.96, where adding the halves (m x n floats) costs more than it saves. On two
     * threads each then adds half the rows ({@link #run}), where the caller alone had added them all:
     * in-JVM alternating rounds (15 of 300 ms), 128x784x256 {@code A B} / {@code A^T B} / {@code A B^T} 1.04x /
     * 1.025x / 1.02x (won 10, 9, 9 of 11), the batch-64 and 128 training steps unchanged.
     */
    static final int HALVES_MAX_M = 256;
    /** Below this many multiply-adds the halves run one after the other on the calling thread. */
    static final long HALVES_MIN_MACS = 1L << 21;

    /**
     * Per-thread buffers, grown on demand and then reused: packed A, one B panel, one C tile (for edge tiles
     * and the dot kernel's sums), and the calling thread's second k-half ({@link #halves}) and chunk sums
     * ({@link Gemv}), which a worker fills while the caller holds the pool. Per calling thread, not per
     * backend, because a caller that finds the pool busy computes alone beside the split one (concurrent
     * predictions).
     */
    static final class Scratch {
        float[] a = new float[0];
        final float[] b = new float[KC * NR];
        final float[] tile = new float[MR * NR];
        float[] upper = new float[0];
        float[] sums = new float[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** This thread's buffers. */
    static Scratch scratch() {
        return SCRATCH.get();
    }

    /**
     * Forgets this thread's buffers, for {@link Warmup}: each new thread's first GEMM grows its A buffer,
     * and a branch the JIT never saw taken while profiling becomes a trap that sends the whole GEMM back to
     * the interpreter (seen: a worker's first packing deoptimized {@code block} mid-training).
     */
    static void dropScratch() {
        SCRATCH.remove();
    }

    private final WorkerPool pool;
    private final Gemv gemv;
    // The arguments of the GEMM being split, set while holding the pool.
    private boolean transA, transB, dot, byRows, halves;
    private float alpha, beta;
    private float[] a, b, c;
    private int m, n, k, lda, ldb, kh;
    private float[] upper; // the caller's second k-half (Scratch.upper) while split in halves
    private final AtomicInteger halvesDone = new AtomicInteger(); // halves computed, before either adds

    Sgemm(WorkerPool pool) {
        this.pool = pool;
        this.gemv = new Gemv(pool);
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} (C is m x n, row-major, modified). Returns whether the threads
     * wrote C in stripes of rows (split by rows, or an outer product split by {@link Gemv}): where C is a
     * gradient, {@link Stripes} then splits its update the same way, on the cores that hold it.
     */
    boolean gemm(boolean transA, boolean transB, float alpha, float[] a, int lda, float[] b, int ldb, float beta,
                 float[] c, int m, int n, int k) {
        // One row (A^T of a k x 1 A is the same contiguous row): a GEMV, or dot products for A B^T.
        if (m == 1 && (!transA || lda == 1) && (!transB || DotKernel.AVAILABLE)) {
            if (transB) {
                DotKernel.rowRange(alpha, a, 0, b, ldb, 0, beta, c, 0, 0, n, k);
            } else {
                gemv.gemv(alpha, a, b, ldb, beta, c, n, k);
            }
            return false;
        }
        if (k == 1 && (transA || lda == 1) && (!transB || ldb == 1)) { // both operands are contiguous vectors
            return gemv.outer(alpha, a, b, beta, c, m, n);
        }
        if (Narrow.fits(transB, n)) { // a B of one vector's width: no padding to 2 vectors, no packing
            Narrow.gemm(transA, alpha, a, lda, b, ldb, beta, c, m, n, k, SCRATCH.get().tile);
            return false;
        }
        boolean dot = DotKernel.AVAILABLE && transB && !transA && m <= DOT_MAX_M && k >= L && k > 8 * m;
        int blocks = (k + KC - 1) / KC;
        if ((dot || m <= HALVES_MAX_M) && blocks >= 2 && (long) k * n >= Stripes.MIN_FLOATS) {
            // Dot products split at a whole vector; the tile kernel at a k-block boundary.
            int kh = dot ? (k / 2 + L - 1) / L * L : (blocks + 1) / 2 * kcMax(k);
            halves(dot, transA, transB, alpha, a, lda, b, ldb, beta, c, m, n, k, kh);
            return false;
        }
        // A large C (a layer's weight gradient) splits from less work: written in stripes of rows, it is
        // then updated on the cores that hold it (Stripes), as its weights were read (halves).
        long macs = (long) m * n * k;
        boolean large = (long) m * n >= Stripes.MIN_FLOATS && macs >= HALVES_MIN_MACS;
        if ((macs >= PARALLEL_MIN_MACS || large) && k >= PARALLEL_MIN_K && pool.tryAcquire()) {
            try {
                set(transA, transB, alpha, a, lda, b, ldb, beta, c, m, n, k);
                this.dot = dot;
                int parts = pool.threads(), tiles = (m + MR - 1) / MR, panels = (n + NR - 1) / NR;
                // A B^T packs (transposes) every panel of B it uses: split by columns, so each is packed once.
                byRows = transB ? panels < parts : tiles >= 2 * parts || tiles >= panels;
                pool.run(this);
                return byRows && !dot;
            } finally {
                this.a = this.b = this.c = null;
                pool.release();
            }
        }
        if (dot) {
            DotKernel.block(alpha, a, lda, b, ldb, beta, c, n, 0, k, 0, m, 0, n, SCRATCH.get().tile);
        } else {
            block(transA, transB, alpha, a, lda, b, ldb, beta, c, n, 0, k, k, 0, m, 0, n, SCRATCH.get());
        }
        return false;
    }

    /** C from the k's [0, kh) and [kh, k) apart, added last; on two threads when the pool is free. */
    private void halves(boolean dot, boolean transA, boolean transB, float alpha, float[] a, int lda, float[] b,
                        int ldb, float beta, float[] c, int m, int n, int k, int kh) {
        Scratch s = SCRATCH.get();
        if (s.upper.length < m * n) {
            s.upper = new float[m * n];
        }
        float[] upper = s.upper;
        if ((long) m * n * k >= HALVES_MIN_MACS && pool.tryAcquire()) {
            try {
                set(transA, transB, alpha, a, lda, b, ldb, beta, c, m, n, k);
                this.dot = dot;
                this.kh = kh;
                this.upper = upper;
                halves = true;
                halvesDone.set(0);
                pool.run(this); // adds the halves too
            } finally {
                this.a = this.b = this.c = this.upper = null;
                halves = false;
                pool.release();
            }
        } else {
            half(dot, transA, transB, alpha, a, lda, b, ldb, beta, c, m, n, k, kh, true);
            half(dot, transA, transB, alpha, a, lda, b, ldb, beta, upper, m, n, k, kh, false);
            Gemv.add(upper, 0, c, 0, m * n);
        }
    }

    /** The first half of the k's into C (with beta), or the second into {@code out} (without). */
    private static void half(boolean dot, boolean transA, boolean transB, float alpha, float[] a, int lda, float[] b,
                             int ldb, float beta, float[] out, int m, int n, int k, int kh, boolean first) {
        int k0 = first ? 0 : kh, k1 = first ? kh : k;
        float bt = first ? beta : 0f;
        if (dot) {
            DotKernel.block(alpha, a, lda, b, ldb, bt, out, n, k0, k1 - k0, 0, m, 0, n, SCRATCH.get().tile);
        } else {
            block(transA, transB, alpha, a, lda, b, ldb, bt, out, n, k0, k1, k, 0, m, 0, n, SCRATCH.get());
        }
    }

    private void set(boolean transA, boolean transB, float alpha, float[] a, int lda, float[] b, int ldb, float beta,
                     float[] c, int m, int n, int k) {
        this.transA = transA;
        this.transB = transB;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.c = c;
        this.m = m;
        this.n = n;
        this.k = k;
        this.lda = lda;
        this.ldb = ldb;
    }

    /** k's per block: at most {@link #KC}, the blocks as even as possible (784 = 4 x 196, not 3 x 256 + 16). */
    static int kcMax(int k) {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    /**
     * The first of m rows that part {@code part} of {@code parts} takes when split by rows, in whole row tiles
     * (its share ends where the next part's begins). {@link Gather} splits a batch the same way.
     */
    static int rowFrom(int m, int part, int parts) {
        int tiles = (m + MR - 1) / MR, per = (tiles + parts - 1) / parts;
        return Math.min(m, part * per * MR);
    }

    /**
     * One thread's share: a half of the k's and then half the rows of their sum, a range of row tiles, or of
     * column panels when rows are few.
     */
    @Override
    public void run(int part, int parts) {
        if (halves) {
            if (part < 2) {
                try {
                    half(dot, transA, transB, alpha, a, lda, b, ldb, beta, part == 0 ? c : upper, m, n, k, kh, part == 0);
                } finally { // also on failure, so that the other part does not wait for good
                    halvesDone.incrementAndGet();
                }
                while (halvesDone.get() < 2) {
                    Thread.onSpinWait();
                }
                int mid = m / 2 * n, from = part == 0 ? 0 : mid, to = part == 0 ? mid : m * n;
                Gemv.add(upper, from, c, from, to - from);
            }
            return;
        }
        if (dot) { // by columns, in multiples of 12 so that DotKernel's 3- and 4-wide blocks fill each part
            int units = (n + 11) / 12, per = (units + parts - 1) / parts;
            int n0 = Math.min(n, part * per * 12), n1 = Math.min(n, n0 + per * 12);
            if (n0 < n1) {
                DotKernel.block(alpha, a, lda, b, ldb, beta, c, n, 0, k, 0, m, n0, n1, SCRATCH.get().tile);
            }
            return;
        }
        int panels = (n + NR - 1) / NR;
        if (byRows) {
            int m0 = rowFrom(m, part, parts), m1 = rowFrom(m, part + 1, parts);
            if (m0 < m1) {
                block(transA, transB, alpha, a, lda, b, ldb, beta, c, n, 0, k, k, m0, m1, 0, n, SCRATCH.get());
            }
        } else {
            int per = (panels + parts - 1) / parts, n0 = Math.min(n, part * per * NR), n1 = Math.min(n, n0 + per * NR);
            if (n0 < n1) {
                block(transA, transB, alpha, a, lda, b, ldb, beta, c, n, 0, k, k, 0, m, n0, n1, SCRATCH.get());
            }
        }
    }

    /**
     * Rows [m0, m1) and columns [n0, n1) of C from the k-blocks in [k0, k1) (block boundaries of all k's);
     * m0 and n0 are multiples of MR and NR.
     */
    private static void block(boolean transA, boolean transB, float alpha, float[] a, int lda, float[] b, int ldb,
                              float beta, float[] c, int ldc, int k0, int k1, int k, int m0, int m1, int n0, int n1,
                              Scratch s) {
        if (beta != 0f && beta != 1f) {
            for (int i = m0; i < m1; i++) {
                for (int j = n0; j < n1; j++) {
                    c[i * ldc + j] *= beta;
                }
            }
        }
        int tiles = (m1 - m0 + MR - 1) / MR;
        int kcMax = kcMax(k);
        boolean packB = transB || m1 - m0 > PACK_ROWS;
        for (int kb = k0; kb < k1; kb += kcMax) {
            int kc = Math.min(kcMax, k1 - kb);
            boolean add = kb > k0 || beta != 0f; // later k-blocks accumulate onto the first
            if (s.a.length < tiles * kc * MR) {
                s.a = new float[tiles * KC * MR];
            }
            PackA.pack(transA, alpha, a, lda, m0, m1, kb, kc, s.a);
            for (int j0 = n0; j0 < n1; j0 += NR) {
                int nc = Math.min(NR, n1 - j0);
                float[] panel;
                int po, pld;
                if (!packB && nc == NR) {
                    panel = b;
                    po = kb * ldb + j0;
                    pld = ldb;
                } else {
                    PackB.pack(transB, b, ldb, kb, kc, j0, nc, s.b);
                    panel = s.b;
                    po = 0;
                    pld = NR;
                }
                for (int t = 0; t < tiles; t++) {
                    int i0 = m0 + t * MR, mr = Math.min(MR, m1 - i0);
                    if (mr == MR && nc == NR) {
                        Kernel.tile(kc, s.a, t * kc * MR, panel, po, pld, c, i0 * ldc + j0, ldc, add);
                    } else {
                        Kernel.tile(kc, s.a, t * kc * MR, panel, po, pld, s.tile, 0, NR, false);
                        for (int r = 0; r < mr; r++) {
                            for (int j = 0; j < nc; j++) {
                                int at = (i0 + r) * ldc + j0 + j;
                                c[at] = add ? c[at] + s.tile[r * NR + j] : s.tile[r * NR + j];
                            }
                        }
                    }
                }
            }
        }
    }
}
