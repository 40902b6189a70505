package io.github.mlp4j.vector;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.HeapMatrix;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.backend.ReferenceBackend;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Identity;
import io.github.mlp4j.nn.LeakyRelu;
import io.github.mlp4j.nn.Relu;
import io.github.mlp4j.nn.Softmax;
import io.github.mlp4j.nn.Loss;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API backend: matrices on the Java heap ({@link HeapMatrix}, the reference layout),
 * with the GEMM on {@code FloatVector} fused multiply-adds.
 *
 * <p>The GEMM ({@link Sgemm}) is register-blocked, cache-blocked and split across a shared pool of
 * threads ({@code -Dmlp4j.threads}, default: available processors). Bias + ReLU-family activations,
 * their backward pass, column sums and the five optimizer updates are vectorized ({@link Elementwise}), as
 * are sigmoid, tanh and softplus ({@link ExpActivations}), row softmax and softmax cross-entropy
 * ({@link SoftmaxRows}) and the dropout mask ({@link DropoutMask});
 * the other operations run the reference backend's loops over the same arrays. The memory-bound passes
 * over a large layer (a batch of one's products, {@link Gemv}; the optimizer updates, {@link Stripes})
 * split across the pool in the same stripes of rows as the GEMMs of larger batches read and write them,
 * so each core keeps working on the half of the weights and gradients in its own cache. A large batch
 * is gathered the same way ({@link Gather}), each core copying the rows it multiplies first.
 *
 * <p>Deterministic for a given thread count, and in fact independent of it: each element of C is
 * computed in an order fixed by the shape alone (by one thread, or as two halves of its k's added in
 * order), and each element of an update exactly as a single pass would.
 */
public final class VectorBackend implements Backend {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Operations not yet vectorized run here; it works on any {@link HeapMatrix}. */
    private final ReferenceBackend scalar = new ReferenceBackend();
    private final Sgemm sgemm;
    private final Stripes stripes;
    private final Gather gather;
    private final float[][] striped = new float[16][];
    private int nextStriped;

    static {
        Warmup.run(); // once per JVM: gets the kernels to C2 before real work arrives
    }

    /** A backend on the shared pool of {@link #threads()} threads. */
    public VectorBackend() {
        this(Pools.shared());
    }

    /** A backend on a pool of its own with {@code threads} threads (for tests and benchmarks). */
    public VectorBackend(int threads) {
        this(new WorkerPool(threads));
    }

    private VectorBackend(WorkerPool pool) {
        this.sgemm = new Sgemm(pool);
        this.stripes = new Stripes(pool);
        this.gather = new Gather(pool);
        this.threads = pool.threads();
    }

    private final int threads;

    /** Threads a GEMM is split across. */
    public int threads() {
        return threads;
    }

    static String describe() {
        return "Vector API, " + S.vectorBitSize() + "-bit float vectors, " + Pools.configuredThreads() + " threads";
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String toString() {
        return "VectorBackend[" + S.vectorBitSize() + "-bit vectors, " + threads + " threads]";
    }

    private static float[] data(Matrix m) {
        return ((HeapMatrix) m).data();
    }

    @Override
    public Matrix allocate(int rows, int cols) {
        return new HeapMatrix(this, rows, cols);
    }

    @Override
    public boolean owns(Matrix m) {
        return m instanceof HeapMatrix h && h.owner() == this;
    }

    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        float[] out = data(c);
        boolean inStripes = sgemm.gemm(transA, transB, alpha, data(a), a.cols(), data(b), b.cols(), beta, out, c.rows(),
                c.cols(), transA ? a.rows() : a.cols());
        written(out, inStripes);
    }

    /**
     * Remembers whether the pool last wrote {@code c} in stripes of rows. An optimizer update splits across
     * the pool only for a gradient written that way ({@link Stripes}): split, each core updates the half it
     * already holds; a gradient one thread wrote is updated on that thread, where it is. Measured on the
     * batch-32 step, whose GEMMs run on one thread: splitting every large update there lost 14-19 %.
     * The last 16 such arrays large enough to be split, compared by identity, so nothing is allocated (and
     * at most 16 arrays stay reachable from here); concurrent predictions may race on it, which can only
     * misplace an update, never change a result.
     */
    private void written(float[] c, boolean inStripes) {
        if (c.length < Stripes.MIN_FLOATS) {
            return; // never split by Stripes
        }
        for (int i = 0; i < striped.length; i++) {
            if (striped[i] == c) {
                if (!inStripes) {
                    striped[i] = null;
                }
                return;
            }
        }
        if (inStripes) {
            striped[nextStriped] = c;
            nextStriped = (nextStriped + 1) % striped.length;
        }
    }

    private boolean inStripes(float[] g) {
        for (float[] s : striped) {
            if (s == g) {
                return true;
            }
        }
        return false;
    }

    // ---- element-wise: vectorized where a training step spends its time, else the reference loops ----

    @Override public void upload(float[] src, int offset, Matrix dst) { scalar.upload(src, offset, dst); }
    @Override public void download(Matrix src, float[] dst, int offset) { scalar.download(src, dst, offset); }
    @Override public void copy(Matrix src, Matrix dst) { scalar.copy(src, dst); }
    @Override public void fill(Matrix dst, float value) { scalar.fill(dst, value); }
    @Override public void addScaled(float alpha, Matrix x, float beta, Matrix y) { scalar.addScaled(alpha, x, beta, y); }
    @Override public void hadamard(Matrix x, Matrix y, Matrix out) { scalar.hadamard(x, y, out); }
    @Override public double sumSquares(Matrix x) { return scalar.sumSquares(x); }
    @Override public double sumAbs(Matrix x) { return scalar.sumAbs(x); }

    @Override
    public void sumColumns(Matrix x, Matrix out) {
        Elementwise.sumColumns(data(x), data(out), x.rows(), x.cols());
    }

    /** The ReLU family's negative slope (identity: 1), or NaN for the activations done by the scalar loops. */
    private static float leakySlope(Activation f) {
        return switch (f) {
            case Relu r -> 0f;
            case LeakyRelu l -> l.slope();
            case Identity i -> 1f;
            default -> Float.NaN;
        };
    }

    @Override
    public void biasActivation(Matrix z, Matrix bias, Activation f, Matrix slopes, Matrix a) {
        float slope = leakySlope(f);
        int exp = ExpActivations.kind(f);
        if (f instanceof Softmax) {
            SoftmaxRows.biasSoftmax(data(z), data(bias), data(a), z.rows(), z.cols());
        } else if (exp >= 0) {
            ExpActivations.bias(exp, data(z), data(bias), data(a), z.rows(), z.cols());
        } else if (Float.isNaN(slope)) {
            scalar.biasActivation(z, bias, f, slopes, a);
        } else {
            Elementwise.biasLeaky(data(z), data(bias), data(a), z.rows(), z.cols(), slope);
        }
    }

    @Override
    public void activationBackward(Activation f, Matrix z, Matrix a, Matrix slopes, Matrix gradA, Matrix gradZ,
                                   Matrix gradSlopes) {
        float slope = leakySlope(f);
        if (ExpActivations.kind(f) == ExpActivations.SOFTPLUS && data(gradZ) != data(gradA)) {
            ExpActivations.softplusBackward(data(z), data(gradA), data(gradZ), z.size());
        } else if (Float.isNaN(slope)) {
            scalar.activationBackward(f, z, a, slopes, gradA, gradZ, gradSlopes);
        } else {
            Elementwise.leakyBackward(data(z), data(gradA), data(gradZ), z.size(), slope);
        }
    }

    @Override
    public double loss(Loss loss, Matrix prediction, Matrix target, Matrix gradient) {
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && gradient != null) { // the loss alone (evaluation): reference
            return SoftmaxRows.crossEntropy(data(prediction), data(target), data(gradient), prediction.rows(),
                    prediction.cols());
        }
        return scalar.loss(loss, prediction, target, gradient);
    }

    @Override
    public void sgd(Matrix w, Matrix g, float lr, float l1, float l2) {
        stripes.sgd(inStripes(data(g)), data(w), data(g), lr, l1, l2);
    }

    @Override
    public void momentum(Matrix w, Matrix g, Matrix v, float lr, float mu, boolean nesterov, float l1, float l2) {
        stripes.momentum(inStripes(data(g)), data(w), data(g), data(v), lr, mu, nesterov, l1, l2);
    }

    @Override
    public void adagrad(Matrix w, Matrix g, Matrix s, float lr, float eps, float l1, float l2) {
        stripes.adagrad(inStripes(data(g)), data(w), data(g), data(s), lr, eps, l1, l2);
    }

    @Override
    public void rmsprop(Matrix w, Matrix g, Matrix e, float lr, float rho, float eps, float l1, float l2) {
        stripes.rmsprop(inStripes(data(g)), data(w), data(g), data(e), lr, rho, eps, l1, l2);
    }

    @Override
    public void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps, int step,
                     float weightDecay, float l1, float l2) {
        stripes.adam(inStripes(data(g)), data(w), data(g), data(m), data(v), lr, beta1, beta2, eps, step, weightDecay,
                l1, l2);
    }

    @Override
    public void gatherRows(Matrix src, int[] idx, int from, Matrix dst) {
        gather.gather(data(src), src.cols(), idx, from, data(dst), dst.rows());
    }

    @Override
    public void dropoutMask(Matrix mask, float dropRate, long seed) {
        DropoutMask.fill(data(mask), dropRate, seed);
    }

    @Override public void argmaxRows(Matrix x, int[] out) { scalar.argmaxRows(x, out); }
}
