package io.github.mlp4j.vector;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.HeapMatrix;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.backend.ReferenceBackend;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API backend: matrices on the Java heap ({@link HeapMatrix}, the reference layout),
 * with the GEMM on {@code FloatVector} fused multiply-adds.
 *
 * <p>This first version vectorizes the GEMM, which dominates a dense network's time, and runs the
 * remaining operations through the reference backend's loops over the same arrays. Cache blocking,
 * a packed micro-kernel, threads and vectorized element-wise kernels are the next steps.
 */
public final class VectorBackend implements Backend {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Operations not yet vectorized run here; it works on any {@link HeapMatrix}. */
    private final ReferenceBackend scalar = new ReferenceBackend();

    static String describe() {
        return "Vector API, " + S.vectorBitSize() + "-bit float vectors, 1 thread";
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String toString() {
        return "VectorBackend[" + describe() + "]";
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
        if (transB && transA) {
            scalar.gemm(true, true, alpha, a, b, beta, c); // A^T B^T: no dense layer needs it
        } else if (transB) {
            gemmDot(alpha, a, b, beta, c);
        } else {
            gemmRows(transA, alpha, a, b, beta, c);
        }
    }

    /** C = alpha op(A) B + beta C: each row of C accumulates a_ip times row p of B, a vector FMA per chunk. */
    private static void gemmRows(boolean transA, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        float[] A = data(a), B = data(b), C = data(c);
        int m = c.rows(), n = c.cols(), k = b.rows(), lda = a.cols();
        int bound = S.loopBound(n);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                C[row + j] = beta == 0f ? 0f : beta * C[row + j];
            }
            for (int p = 0; p < k; p++) {
                float s = alpha * (transA ? A[p * lda + i] : A[i * lda + p]);
                int bp = p * n;
                int j = 0;
                for (; j < bound; j += S.length()) {
                    FloatVector.fromArray(S, B, bp + j)
                            .fma(FloatVector.broadcast(S, s), FloatVector.fromArray(S, C, row + j))
                            .intoArray(C, row + j);
                }
                for (; j < n; j++) {
                    C[row + j] = Math.fma(s, B[bp + j], C[row + j]);
                }
            }
        }
    }

    /** C = alpha A B^T + beta C: rows of A and B are contiguous, so each element is a vector dot product. */
    private static void gemmDot(float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        float[] A = data(a), B = data(b), C = data(c);
        int m = c.rows(), n = c.cols(), k = a.cols();
        int bound = S.loopBound(k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                FloatVector acc = FloatVector.zero(S);
                int p = 0;
                for (; p < bound; p += S.length()) {
                    acc = FloatVector.fromArray(S, A, i * k + p).fma(FloatVector.fromArray(S, B, j * k + p), acc);
                }
                float sum = acc.reduceLanes(VectorOperators.ADD);
                for (; p < k; p++) {
                    sum = Math.fma(A[i * k + p], B[j * k + p], sum);
                }
                int ij = i * n + j;
                C[ij] = beta == 0f ? alpha * sum : alpha * sum + beta * C[ij];
            }
        }
    }

    // ---- not yet vectorized: the reference loops over the same heap arrays ------------------------

    @Override public void upload(float[] src, int offset, Matrix dst) { scalar.upload(src, offset, dst); }
    @Override public void download(Matrix src, float[] dst, int offset) { scalar.download(src, dst, offset); }
    @Override public void copy(Matrix src, Matrix dst) { scalar.copy(src, dst); }
    @Override public void fill(Matrix dst, float value) { scalar.fill(dst, value); }
    @Override public void addScaled(float alpha, Matrix x, float beta, Matrix y) { scalar.addScaled(alpha, x, beta, y); }
    @Override public void hadamard(Matrix x, Matrix y, Matrix out) { scalar.hadamard(x, y, out); }
    @Override public double sumSquares(Matrix x) { return scalar.sumSquares(x); }
    @Override public double sumAbs(Matrix x) { return scalar.sumAbs(x); }
    @Override public void sumColumns(Matrix x, Matrix out) { scalar.sumColumns(x, out); }

    @Override
    public void biasActivation(Matrix z, Matrix bias, Activation f, Matrix slopes, Matrix a) {
        scalar.biasActivation(z, bias, f, slopes, a);
    }

    @Override
    public void activationBackward(Activation f, Matrix z, Matrix a, Matrix slopes, Matrix gradA, Matrix gradZ,
                                   Matrix gradSlopes) {
        scalar.activationBackward(f, z, a, slopes, gradA, gradZ, gradSlopes);
    }

    @Override
    public double loss(Loss loss, Matrix prediction, Matrix target, Matrix gradient) {
        return scalar.loss(loss, prediction, target, gradient);
    }

    @Override public void sgd(Matrix w, Matrix g, float lr, float l1, float l2) { scalar.sgd(w, g, lr, l1, l2); }

    @Override
    public void momentum(Matrix w, Matrix g, Matrix v, float lr, float mu, boolean nesterov, float l1, float l2) {
        scalar.momentum(w, g, v, lr, mu, nesterov, l1, l2);
    }

    @Override
    public void adagrad(Matrix w, Matrix g, Matrix s, float lr, float eps, float l1, float l2) {
        scalar.adagrad(w, g, s, lr, eps, l1, l2);
    }

    @Override
    public void rmsprop(Matrix w, Matrix g, Matrix e, float lr, float rho, float eps, float l1, float l2) {
        scalar.rmsprop(w, g, e, lr, rho, eps, l1, l2);
    }

    @Override
    public void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps, int step,
                     float weightDecay, float l1, float l2) {
        scalar.adam(w, g, m, v, lr, beta1, beta2, eps, step, weightDecay, l1, l2);
    }

    @Override public void gatherRows(Matrix src, int[] idx, int from, Matrix dst) { scalar.gatherRows(src, idx, from, dst); }
    @Override public void dropoutMask(Matrix mask, float dropRate, long seed) { scalar.dropoutMask(mask, dropRate, seed); }
    @Override public void argmaxRows(Matrix x, int[] out) { scalar.argmaxRows(x, out); }
}
