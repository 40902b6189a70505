package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.MR;

/**
 * Gathers a batch's rows ({@code dst} row i = {@code src} row {@code idx[from + i]}), split across the pool
 * for a large batch in the same row ranges as {@link Sgemm} splits the batch's first GEMM: each core then
 * copies the rows it multiplies next, into its own cache, instead of pulling from the other core's cache
 * the rows the caller copied. A plain copy: the result does not depend on the split.
 */
final class Gather implements WorkerPool.Task {

    private final WorkerPool pool;
    // The gather being split, set while holding the pool.
    private float[] src, dst;
    private int[] idx;
    private int from, rows, cols;

    Gather(WorkerPool pool) {
        this.pool = pool;
    }

    /** @param dst modified: {@code rows x cols} */
    void gather(float[] src, int cols, int[] idx, int from, float[] dst, int rows) {
        if ((long) rows * cols < Stripes.MIN_FLOATS || rows < 2 * MR || !pool.tryAcquire()) {
            copy(src, cols, idx, from, dst, 0, rows);
            return;
        }
        try {
            this.src = src;
            this.dst = dst;
            this.idx = idx;
            this.from = from;
            this.rows = rows;
            this.cols = cols;
            pool.run(this);
        } finally {
            this.src = this.dst = null;
            this.idx = null;
            pool.release();
        }
    }

    /** The rows {@link Sgemm} gives this part when it splits by rows. */
    @Override
    public void run(int part, int parts) {
        copy(src, cols, idx, from, dst, Sgemm.rowFrom(rows, part, parts), Sgemm.rowFrom(rows, part + 1, parts));
    }

    private static void copy(float[] src, int cols, int[] idx, int from, float[] dst, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            System.arraycopy(src, idx[from + i] * cols, dst, i * cols, cols);
        }
    }
}
