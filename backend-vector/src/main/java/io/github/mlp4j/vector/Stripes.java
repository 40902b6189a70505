package io.github.mlp4j.vector;

import static io.github.mlp4j.vector.Kernel.L;

/**
 * The optimizer updates of large parameters, split across the pool in contiguous stripes when their
 * gradient was written that way (the caller says; see {@code VectorBackend.written}): thread t updates the
 * t-th range of the parameters, their gradients and the optimizer's state. The updates are
 * memory-bound and each core streams from its own L2, so two threads take half the time; and since
 * {@link Gemv} splits the rows of a one-row GEMM and of an outer product the same way, each core keeps
 * its half of the first layer's weights and gradients in its own cache between the passes of a
 * stochastic step.
 *
 * <p>Why contiguous: split by columns instead (half of every row per thread), neighbouring threads wrote
 * to the same cache line at every row boundary (Java does not align arrays to cache lines), and an SGD
 * update of 784 x 256 weights took 62-66 us on 2 threads against 22-27 us on one; in stripes, 12.7 us.
 * Every element is computed exactly as in one pass over the whole array (stripes start at multiples of
 * the vector length), so the result does not depend on the thread count.
 */
final class Stripes implements WorkerPool.Task {

    /**
     * Arrays of at least this many floats (256 KiB, a quarter of the smallest L2 in sight) are split;
     * below that a hand-off costs about as much as it saves.
     */
    static final int MIN_FLOATS = 1 << 16;

    private static final int SGD = 0, MOMENTUM = 1, ADAGRAD = 2, RMSPROP = 3, ADAM = 4;

    private final WorkerPool pool;
    // The update being split, set while holding the pool.
    private int op, step;
    private boolean nesterov;
    private float[] w, g, s1, s2;
    private float lr, h1, h2, eps, decay, l1, l2;

    Stripes(WorkerPool pool) {
        this.pool = pool;
    }

    /** The range [from, to) of an n-float array that part {@code part} of {@code parts} takes: from, to. */
    static int from(int n, int part, int parts) {
        int vectors = (n + L - 1) / L, per = (vectors + parts - 1) / parts;
        return Math.min(n, part * per * L);
    }

    static int to(int n, int part, int parts) {
        return from(n, part + 1, parts);
    }

    /** {@link Elementwise#sgd}. @param w modified */
    void sgd(boolean split, float[] w, float[] g, float lr, float l1, float l2) {
        if (!take(split, w.length)) {
            Elementwise.sgd(w, g, 0, w.length, lr, l1, l2);
            return;
        }
        set(SGD, w, g, null, null, lr, l1, l2);
        go();
    }

    /** {@link Elementwise#momentum}. @param w modified @param v modified */
    void momentum(boolean split, float[] w, float[] g, float[] v, float lr, float mu, boolean nesterov, float l1,
                  float l2) {
        if (!take(split, w.length)) {
            Elementwise.momentum(w, g, v, 0, w.length, lr, mu, nesterov, l1, l2);
            return;
        }
        set(MOMENTUM, w, g, v, null, lr, l1, l2);
        h1 = mu;
        this.nesterov = nesterov;
        go();
    }

    /** {@link Elementwise#adagrad}. @param w modified @param s modified */
    void adagrad(boolean split, float[] w, float[] g, float[] s, float lr, float eps, float l1, float l2) {
        if (!take(split, w.length)) {
            Elementwise.adagrad(w, g, s, 0, w.length, lr, eps, l1, l2);
            return;
        }
        set(ADAGRAD, w, g, s, null, lr, l1, l2);
        this.eps = eps;
        go();
    }

    /** {@link Elementwise#rmsprop}. @param w modified @param e modified */
    void rmsprop(boolean split, float[] w, float[] g, float[] e, float lr, float rho, float eps, float l1, float l2) {
        if (!take(split, w.length)) {
            Elementwise.rmsprop(w, g, e, 0, w.length, lr, rho, eps, l1, l2);
            return;
        }
        set(RMSPROP, w, g, e, null, lr, l1, l2);
        h1 = rho;
        this.eps = eps;
        go();
    }

    /** {@link Elementwise#adam}. @param w modified @param m modified @param v modified */
    void adam(boolean split, float[] w, float[] g, float[] m, float[] v, float lr, float beta1, float beta2, float eps,
              int step, float weightDecay, float l1, float l2) {
        if (!take(split, w.length)) {
            Elementwise.adam(w, g, m, v, 0, w.length, lr, beta1, beta2, eps, step, weightDecay, l1, l2);
            return;
        }
        set(ADAM, w, g, m, v, lr, l1, l2);
        h1 = beta1;
        h2 = beta2;
        this.eps = eps;
        this.step = step;
        decay = weightDecay;
        go();
    }

    private boolean take(boolean split, int n) {
        return split && n >= MIN_FLOATS && pool.tryAcquire();
    }

    private void set(int op, float[] w, float[] g, float[] s1, float[] s2, float lr, float l1, float l2) {
        this.op = op;
        this.w = w;
        this.g = g;
        this.s1 = s1;
        this.s2 = s2;
        this.lr = lr;
        this.l1 = l1;
        this.l2 = l2;
    }

    private void go() {
        try {
            pool.run(this);
        } finally {
            w = g = s1 = s2 = null;
            pool.release();
        }
    }

    @Override
    public void run(int part, int parts) {
        int from = from(w.length, part, parts), to = to(w.length, part, parts);
        if (from >= to) {
            return;
        }
        switch (op) {
            case SGD -> Elementwise.sgd(w, g, from, to, lr, l1, l2);
            case MOMENTUM -> Elementwise.momentum(w, g, s1, from, to, lr, h1, nesterov, l1, l2);
            case ADAGRAD -> Elementwise.adagrad(w, g, s1, from, to, lr, eps, l1, l2);
            case RMSPROP -> Elementwise.rmsprop(w, g, s1, from, to, lr, h1, eps, l1, l2);
            default -> Elementwise.adam(w, g, s1, s2, from, to, lr, h1, h2, eps, step, decay, l1, l2);
        }
    }
}
