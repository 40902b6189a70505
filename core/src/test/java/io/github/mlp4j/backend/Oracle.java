package io.github.mlp4j.backend;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.HardSigmoid;
import io.github.mlp4j.nn.Identity;
import io.github.mlp4j.nn.LeakyRelu;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Relu;
import io.github.mlp4j.nn.Sigmoid;
import io.github.mlp4j.nn.Sign;
import io.github.mlp4j.nn.Softplus;
import io.github.mlp4j.nn.Step;
import io.github.mlp4j.nn.Tanh;

/**
 * Independent double-precision definitions of the activations and losses, written from the
 * formulas rather than from the backends' code: the oracle for gradient checks by central differences.
 */
public final class Oracle {

    private Oracle() {
    }

    /** f(z) for an element-wise activation, in double. */
    public static double activation(Activation.Elementwise f, double z) {
        return switch (f) {
            case Identity i -> z;
            case Step s -> z >= 0 ? 1 : 0;
            case Sign s -> z >= 0 ? 1 : -1;
            case HardSigmoid h -> Math.min(1, Math.max(0, z + 0.5));
            case Sigmoid s -> 1 / (1 + Math.exp(-z));
            case Tanh t -> Math.tanh(z);
            case Relu r -> Math.max(0, z);
            case LeakyRelu l -> z > 0 ? z : l.slope() * z;
            case Softplus s -> Math.log(1 + Math.exp(z));
        };
    }

    /** Softmax of one row, in double. */
    public static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] a = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            a[j] = Math.exp(z[j] - max);
            sum += a[j];
        }
        for (int j = 0; j < z.length; j++) {
            a[j] /= sum;
        }
        return a;
    }

    /** The loss of an n x k batch, with the reductions {@link Loss} documents, in double. */
    public static double loss(Loss loss, double[] p, double[] y, int n, int k) {
        double sum = 0;
        switch (loss) {
            case MSE -> {
                for (int i = 0; i < p.length; i++) {
                    sum += (p[i] - y[i]) * (p[i] - y[i]);
                }
                return sum / (n * k);
            }
            case MAE -> {
                for (int i = 0; i < p.length; i++) {
                    sum += Math.abs(p[i] - y[i]);
                }
                return sum / (n * k);
            }
            case BINARY_CROSS_ENTROPY -> {
                for (int i = 0; i < p.length; i++) {
                    sum -= y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]);
                }
                return sum / (n * k);
            }
            case CATEGORICAL_CROSS_ENTROPY -> {
                for (int i = 0; i < p.length; i++) {
                    sum -= y[i] * Math.log(p[i]);
                }
                return sum / n;
            }
            case SIGMOID_CROSS_ENTROPY -> {
                for (int i = 0; i < p.length; i++) {
                    double s = 1 / (1 + Math.exp(-p[i]));
                    sum -= y[i] * Math.log(s) + (1 - y[i]) * Math.log(1 - s);
                }
                return sum / (n * k);
            }
            case SOFTMAX_CROSS_ENTROPY -> {
                for (int r = 0; r < n; r++) {
                    double[] row = new double[k];
                    System.arraycopy(p, r * k, row, 0, k);
                    double[] s = softmax(row);
                    for (int j = 0; j < k; j++) {
                        sum -= y[r * k + j] * Math.log(s[j]);
                    }
                }
                return sum / n;
            }
        }
        throw new AssertionError(loss);
    }

    /** C = alpha op(A) op(B) + beta C, in double, the obvious way. */
    public static double[] gemm(boolean transA, boolean transB, double alpha, float[] a, int aRows, int aCols,
                                float[] b, int bRows, int bCols, double beta, float[] c) {
        int m = transA ? aCols : aRows, k = transA ? aRows : aCols, n = transB ? bRows : bCols;
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a[p * aCols + i] : a[i * aCols + p];
                    double w = transB ? b[j * bCols + p] : b[p * bCols + j];
                    s += x * w;
                }
                out[i * n + j] = alpha * s + (beta == 0 ? 0 : beta * c[i * n + j]);
            }
        }
        return out;
    }
}
