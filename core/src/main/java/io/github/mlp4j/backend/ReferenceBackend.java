package io.github.mlp4j.backend;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.PRelu;
import io.github.mlp4j.nn.Softmax;

/**
 * The plain-Java backend: single-threaded loops written to be obviously correct. It is the oracle
 * every other backend is tested against and the fallback that is always available.
 *
 * <p>Deterministic: for the same inputs and seed it gives bit-identical results on every run
 * (every reduction runs in a fixed order on one thread, and Java never contracts a * b + c into an FMA).
 */
public final class ReferenceBackend implements Backend {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Matrix allocate(int rows, int cols) {
        return new HeapMatrix(this, rows, cols);
    }

    @Override
    public boolean owns(Matrix m) {
        return m instanceof HeapMatrix h && h.owner() == this;
    }

    static float[] data(Matrix m) {
        return ((HeapMatrix) m).data();
    }

    @Override
    public void upload(float[] src, int offset, Matrix dst) {
        System.arraycopy(src, offset, data(dst), 0, dst.size());
    }

    @Override
    public void download(Matrix src, float[] dst, int offset) {
        System.arraycopy(data(src), 0, dst, offset, src.size());
    }

    @Override
    public void copy(Matrix src, Matrix dst) {
        System.arraycopy(data(src), 0, data(dst), 0, src.size());
    }

    @Override
    public void fill(Matrix dst, float value) {
        java.util.Arrays.fill(data(dst), value);
    }

    /**
     * The textbook loops, in netlib's order where B is not transposed (row of C += a_ip * row p of B, so
     * the inner loop is contiguous and the JIT can vectorize it) and as dot products where it is.
     */
    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        float[] A = data(a), B = data(b), C = data(c);
        int m = c.rows(), n = c.cols(), k = transA ? a.rows() : a.cols();
        int lda = a.cols(), ldb = b.cols();
        for (int i = 0; i < m; i++) {
            int row = i * n;
            if (transB) {
                for (int j = 0; j < n; j++) {
                    float sum = 0f;
                    for (int p = 0; p < k; p++) {
                        sum += (transA ? A[p * lda + i] : A[i * lda + p]) * B[j * ldb + p];
                    }
                    C[row + j] = beta == 0f ? alpha * sum : alpha * sum + beta * C[row + j];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    C[row + j] = beta == 0f ? 0f : beta * C[row + j];
                }
                for (int p = 0; p < k; p++) {
                    float s = alpha * (transA ? A[p * lda + i] : A[i * lda + p]);
                    int bp = p * ldb;
                    for (int j = 0; j < n; j++) {
                        C[row + j] += s * B[bp + j];
                    }
                }
            }
        }
    }

    @Override
    public void addScaled(float alpha, Matrix x, float beta, Matrix y) {
        float[] X = data(x), Y = data(y);
        for (int i = 0; i < Y.length; i++) {
            Y[i] = alpha * X[i] + beta * Y[i];
        }
    }

    @Override
    public void hadamard(Matrix x, Matrix y, Matrix out) {
        float[] X = data(x), Y = data(y), O = data(out);
        for (int i = 0; i < O.length; i++) {
            O[i] = X[i] * Y[i];
        }
    }

    @Override
    public double sumSquares(Matrix x) {
        double s = 0;
        for (float v : data(x)) {
            s += (double) v * v;
        }
        return s;
    }

    @Override
    public double sumAbs(Matrix x) {
        double s = 0;
        for (float v : data(x)) {
            s += Math.abs(v);
        }
        return s;
    }

    @Override
    public void sumColumns(Matrix x, Matrix out) {
        float[] X = data(x), O = data(out);
        int n = x.rows(), k = x.cols();
        for (int j = 0; j < k; j++) {
            float s = 0f;
            for (int i = 0; i < n; i++) {
                s += X[i * k + j];
            }
            O[j] = s;
        }
    }

    @Override
    public void biasActivation(Matrix z, Matrix bias, Activation f, Matrix slopes, Matrix a) {
        float[] Z = data(z), b = data(bias), A = data(a);
        int n = z.rows(), k = z.cols();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                Z[i * k + j] += b[j];
            }
        }
        switch (f) {
            case Activation.Elementwise e -> {
                for (int i = 0; i < Z.length; i++) {
                    A[i] = e.apply(Z[i]);
                }
            }
            case PRelu p -> {
                float[] s = data(slopes);
                for (int i = 0; i < Z.length; i++) {
                    A[i] = PRelu.apply(Z[i], s[i % k]);
                }
            }
            case Softmax s -> {
                for (int i = 0; i < n; i++) {
                    softmaxRow(Z, A, i * k, k);
                }
            }
        }
    }

    /** Softmax of {@code z[off .. off+k)} into {@code a}, shifted by the row maximum so exp never overflows. */
    static void softmaxRow(float[] z, float[] a, int off, int k) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, z[off + j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            float e = (float) Math.exp(z[off + j] - max);
            a[off + j] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int j = 0; j < k; j++) {
            a[off + j] *= inv;
        }
    }

    @Override
    public void activationBackward(Activation f, Matrix z, Matrix a, Matrix slopes, Matrix gradA, Matrix gradZ,
                                   Matrix gradSlopes) {
        float[] Z = data(z), A = data(a), gA = data(gradA), gZ = data(gradZ);
        int n = z.rows(), k = z.cols();
        switch (f) {
            case Activation.Elementwise e -> {
                for (int i = 0; i < gZ.length; i++) {
                    gZ[i] = e.derivative(Z[i], A[i]) * gA[i];
                }
            }
            case PRelu p -> {
                float[] s = data(slopes), gS = data(gradSlopes);
                java.util.Arrays.fill(gS, 0f);
                for (int i = 0; i < gZ.length; i++) {
                    int j = i % k;
                    gS[j] += Z[i] > 0f ? 0f : gA[i] * Z[i];
                    gZ[i] = PRelu.derivative(Z[i], s[j]) * gA[i];
                }
            }
            case Softmax s -> {
                for (int i = 0; i < n; i++) {
                    int off = i * k;
                    float dot = 0f;
                    for (int j = 0; j < k; j++) {
                        dot += gA[off + j] * A[off + j];
                    }
                    for (int j = 0; j < k; j++) {
                        gZ[off + j] = A[off + j] * (gA[off + j] - dot);
                    }
                }
            }
        }
    }

    @Override
    public double loss(Loss loss, Matrix prediction, Matrix target, Matrix gradient) {
        return ReferenceLosses.loss(loss, data(prediction), data(target), gradient == null ? null : data(gradient),
                prediction.rows(), prediction.cols());
    }

    /** {@code g + l1 sign(w) + l2 w}: the gradient with the regularization penalty's added. */
    private static float regularized(float g, float w, float l1, float l2) {
        return g + l1 * Math.signum(w) + l2 * w;
    }

    @Override
    public void sgd(Matrix w, Matrix g, float lr, float l1, float l2) {
        float[] W = data(w), G = data(g);
        for (int i = 0; i < W.length; i++) {
            W[i] -= lr * regularized(G[i], W[i], l1, l2);
        }
    }

    @Override
    public void momentum(Matrix w, Matrix g, Matrix velocity, float lr, float mu, boolean nesterov, float l1,
                         float l2) {
        float[] W = data(w), G = data(g), V = data(velocity);
        for (int i = 0; i < W.length; i++) {
            float gi = regularized(G[i], W[i], l1, l2);
            V[i] = mu * V[i] + gi;
            W[i] -= lr * (nesterov ? gi + mu * V[i] : V[i]);
        }
    }

    @Override
    public void adagrad(Matrix w, Matrix g, Matrix sumSquares, float lr, float eps, float l1, float l2) {
        float[] W = data(w), G = data(g), S = data(sumSquares);
        for (int i = 0; i < W.length; i++) {
            float gi = regularized(G[i], W[i], l1, l2);
            S[i] += gi * gi;
            W[i] -= lr * gi / ((float) Math.sqrt(S[i]) + eps);
        }
    }

    @Override
    public void rmsprop(Matrix w, Matrix g, Matrix meanSquares, float lr, float rho, float eps, float l1, float l2) {
        float[] W = data(w), G = data(g), E = data(meanSquares);
        for (int i = 0; i < W.length; i++) {
            float gi = regularized(G[i], W[i], l1, l2);
            E[i] = rho * E[i] + (1f - rho) * gi * gi;
            W[i] -= lr * gi / ((float) Math.sqrt(E[i]) + eps);
        }
    }

    @Override
    public void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps,
                     int step, float weightDecay, float l1, float l2) {
        float[] W = data(w), G = data(g), M = data(m), V = data(v);
        float c1 = (float) (1.0 - Math.pow(beta1, step));
        float c2 = (float) (1.0 - Math.pow(beta2, step));
        float decay = 1f - lr * weightDecay;
        for (int i = 0; i < W.length; i++) {
            float gi = regularized(G[i], W[i], l1, l2);
            M[i] = beta1 * M[i] + (1f - beta1) * gi;
            V[i] = beta2 * V[i] + (1f - beta2) * gi * gi;
            float mHat = M[i] / c1, vHat = V[i] / c2;
            W[i] = W[i] * decay - lr * mHat / ((float) Math.sqrt(vHat) + eps);
        }
    }

    @Override
    public void gatherRows(Matrix src, int[] indices, int from, Matrix dst) {
        float[] S = data(src), D = data(dst);
        int k = src.cols();
        for (int i = 0; i < dst.rows(); i++) {
            System.arraycopy(S, indices[from + i] * k, D, i * k, k);
        }
    }

    @Override
    public void dropoutMask(Matrix mask, float dropRate, long seed) {
        float[] M = data(mask);
        float keep = 1f / (1f - dropRate);
        for (int i = 0; i < M.length; i++) {
            M[i] = CounterRng.uniform(seed, i) >= dropRate ? keep : 0f;
        }
    }

    @Override
    public void argmaxRows(Matrix x, int[] out) {
        float[] X = data(x);
        int k = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (X[i * k + j] > X[i * k + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
    }

    @Override
    public String toString() {
        return "ReferenceBackend";
    }
}
