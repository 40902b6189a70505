package io.github.mlp4j.vector;

import jdk.incubator.vector.LongVector;

/**
 * Runs each hot kernel on tiny arrays enough times for the JIT's C2 compiler to take it, once per JVM.
 *
 * <p>Why: until C2 compiles them, Vector API methods run in C1 code that does not intrinsify vectors,
 * is tens of times slower and allocates every vector. With real sizes, reaching the compile thresholds
 * took about 3.8 s of a first training epoch (measured with -XX:+PrintCompilation); on tiny arrays it
 * takes a fraction of a second.
 *
 * <p>The calls take every branch of every kernel (tails, leftover rows and columns, each transpose,
 * beta 0 and not, regularization on and off). C2 compiles a branch never taken as a trap: the first
 * real call that takes it throws the method back to C1 for up to a second, and a training step then
 * allocated 60-120 KB (-Xlog:deoptimization showed "unstable_if" traps in DotKernel and Sgemm).
 */
final class Warmup {

    private static final int CALLS = 6_000, EXP_CALLS = 6_000;

    /** (transA, transB, m, k, n): GEMMs through every path of {@link Sgemm}, on one thread. */
    private static final int[][] GEMMS = {
            {0, 0, 9, 19, 37}, {1, 0, 9, 19, 37}, {0, 1, 9, 19, 7}, {1, 1, 9, 19, 37}, // tiles, tails, edges
            {0, 1, 13, 120, 8}, {0, 1, 5, 48, 9}, {0, 1, 2, 40, 33}, // dot products (k > 8 m): blocks, edges, tails
            {0, 0, 1, 19, 37}, {0, 1, 1, 19, 6}, {1, 0, 1, 5, 40}, // one row: GEMV and dot products
            {1, 0, 9, 1, 37}, {0, 0, 9, 1, 37}, // k = 1: outer products
            {0, 0, 40, 9, 37}, {1, 0, 40, 9, 37}, // more rows than Sgemm.PACK_ROWS: B packed
            {0, 0, 9, 19, 7}, {1, 0, 9, 19, 16}, // B of one vector's width (Narrow): 8 rows and a tail
    };
    /**
     * Paths only a large B takes, 0.07-0.6M multiply-adds a call: every other call of the second half only,
     * once the kernels are compiled. Spread over all the calls, with a larger B^T shape among them, the
     * warm-up took 1.9-2.2 s instead of 1.1-1.7.
     */
    private static final int[][] LARGE = {
            {0, 0, 1, 513, 128}, // one row of a large B: GEMV in chunk sums
            {0, 0, 9, 300, 220}, {1, 0, 9, 300, 220}, {0, 1, 9, 300, 220}, // k halves: tiles, dot products
    };

    private Warmup() {
    }

    static void run() {
        Sgemm sgemm = new Sgemm(new WorkerPool(1));
        float[] a = filled(9 * 513), b = filled(300 * 220), c = new float[40 * 220];
        int n = 2 * Kernel.L + 3; // a vector loop and a scalar tail
        float[] z = filled(2 * n), ga = filled(2 * n), bias = filled(n), out = new float[2 * n];
        float[] w = filled(n), g = filled(n), m = new float[n], s = new float[n];
        float[] mask = new float[2 * LongVector.SPECIES_PREFERRED.length() + 3]; // DropoutMask: 2 vectors, a tail
        for (int i = 0; i < CALLS; i++) {
            int[] shape = i >= CALLS / 2 && i % 2 == 0 ? LARGE[i / 2 % LARGE.length] : GEMMS[i % GEMMS.length];
            float beta = (i & 3) == 0 ? 0f : (i & 3) == 1 ? 1f : 0.5f;
            sgemm.gemm(shape[0] == 1, shape[1] == 1, 0.5f, a, shape[0] == 1 ? shape[2] : shape[3], b,
                    shape[1] == 1 ? shape[3] : shape[4], beta, c, shape[2], shape[4], shape[3]);
            if (i % 64 == 63) {
                Sgemm.dropScratch(); // so that growing a thread's buffers is in the profile, not a trap
            }
            float slope = (i & 1) == 0 ? 0f : 0.01f, l1 = (i & 2) == 0 ? 0f : 1e-4f, l2 = (i & 4) == 0 ? 0f : 1e-4f;
            Elementwise.biasLeaky(z, bias, out, 2, n, (i % 3) == 2 ? 1f : slope);
            Elementwise.leakyBackward(z, ga, out, 2 * n, slope);
            Elementwise.sumColumns(z, out, 2, n);
            DropoutMask.fill(mask, (i & 1) == 0 ? 0.2f : 0.5f, i);
            Elementwise.sgd(w, g, 0, n, 1e-3f, l1, l2);
            Elementwise.momentum(w, g, m, 0, n, 1e-3f, 0.9f, (i & 1) == 0, l1, l2);
            Elementwise.adagrad(w, g, s, 0, n, 1e-3f, 1e-8f, l1, l2);
            Elementwise.rmsprop(w, g, s, 0, n, 1e-3f, 0.9f, 1e-8f, l1, l2);
            Elementwise.adam(w, g, m, s, 0, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 1 + (i & 7), (i & 8) == 0 ? 0f : 1e-4f, l1,
                    l2);
        }
    }

    /**
     * {@link SoftmaxRows} and {@link VectorMath#exp}, run by {@link SoftmaxRows} itself on its first use. Per
     * call, one row of a vector and a masked tail, then a block of L rows of 3 classes and one row over: the
     * passes' loops turn twice a call, so the interpreter runs few turns before C1 takes over at 200 calls,
     * and C2 takes the passes at 5,000 calls. Measured per
     * JVM, warming these and {@link ExpActivations} here made every start 0.7-1.1 s slower (1.1-1.3 s
     * without), most of it running the passes in C1; so each family warms up when first used, which then
     * takes 0.46-0.49 s (this one, before it ran blocks; with them 1.09-1.17 s against 0.87-1.09 without, in
     * three fresh JVMs each on the Intel host) and 0.27-0.30 s ({@link ExpActivations}).
     */
    static void softmax() {
        int n = Kernel.L + 3;
        int rows = Kernel.L + 1;
        float[] z = filled(rows * n), bias = filled(n), out = new float[rows * n], g = new float[rows * n];
        float[] y = filled(rows * n);
        for (int i = 0; i < EXP_CALLS; i++) {
            SoftmaxRows.biasSoftmax(z, bias, out, 1, n);
            SoftmaxRows.crossEntropy(z, y, g, 1, n);
            SoftmaxRows.biasSoftmax(z, bias, out, rows, 3);
            SoftmaxRows.crossEntropy(z, y, g, rows, 3);
            java.util.Arrays.fill(z, 0.5f); // the bias pass adds the bias again
        }
    }

    /** {@link ExpActivations} and {@link VectorMath}, as {@link #softmax} (three kinds: three times the calls). */
    static void expActivations() {
        int n = Kernel.L + 3;
        float[] z = filled(n), bias = filled(n), out = new float[n], g = filled(n);
        for (int i = 0; i < 3 * EXP_CALLS; i++) {
            ExpActivations.bias(i % 3, z, bias, out, 1, n);
            ExpActivations.softplusBackward(z, g, out, n);
            java.util.Arrays.fill(z, 0.5f);
        }
    }

    private static float[] filled(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = ((i * 7919) % 200 - 100) / 100f; // both signs, for the activations' branches
        }
        return x;
    }
}
