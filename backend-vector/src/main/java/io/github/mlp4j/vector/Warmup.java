package io.github.mlp4j.vector;

/**
 * Runs each hot kernel on tiny arrays enough times for the JIT's C2 compiler to take it, once per JVM.
 *
 * <p>Why: until C2 compiles them, Vector API methods run in C1 code that does not intrinsify vectors and
 * is tens of times slower. With real sizes, reaching the compile thresholds took about 3.8 s of a first
 * training epoch (measured with -XX:+PrintCompilation); on tiny arrays it takes a fraction of a second.
 */
final class Warmup {

    private static final int CALLS = 12_000;

    private Warmup() {
    }

    static void run() {
        int nr = Kernel.NR, mr = Kernel.MR, k = 4;
        float[] a = new float[mr * k], b = new float[k * nr], c = new float[mr * nr], v = new float[nr];
        float[] q = new float[4 * Kernel.L], sums = new float[16];
        float[] w = new float[2 * nr], g = new float[2 * nr], m = new float[2 * nr], s = new float[2 * nr];
        for (int i = 0; i < CALLS; i++) {
            Kernel.tile(k, a, 0, b, 0, nr, c, 0, nr, (i & 1) == 0);
            Sgemm.gemv(1f, a, b, nr, 0f, v, 0, nr, k);
            Sgemm.outer(1f, a, v, 0f, c, mr, nr);
            if (DotKernel.AVAILABLE) {
                DotKernel.rowRange(1f, a, 0, b, k, 0f, v, 0, 0, nr / k, k);
                DotKernel.block(1f, q, Kernel.L, q, Kernel.L, 0f, c, 4, Kernel.L, 0, 4, 0, 4, sums);
            }
            Elementwise.biasLeaky(c, v, c, 1, nr, 0f);
            Elementwise.leakyBackward(c, v, v, nr, 0f);
            Elementwise.sumColumns(c, v, mr, nr);
            Elementwise.sgd(w, g, 0.1f, 0f, 0f);
            Elementwise.adagrad(w, g, m, 0.1f, 1e-8f, 0f, 0f);
            Elementwise.rmsprop(w, g, s, 0.1f, 0.9f, 1e-8f, 0f, 0f);
            Elementwise.adam(w, g, m, s, 1e-3f, 0.9f, 0.999f, 1e-8f, 1, 0f, 0f, 0f);
        }
    }
}
