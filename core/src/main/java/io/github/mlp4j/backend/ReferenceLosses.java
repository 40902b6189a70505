package io.github.mlp4j.backend;

import io.github.mlp4j.nn.Loss;

/** The reference backend's loss functions: plain loops over float arrays, sums in double. */
final class ReferenceLosses {

    private ReferenceLosses() {
    }

    /** See {@link Backend#loss}; {@code g} may be null. */
    static double loss(Loss loss, float[] p, float[] y, float[] g, int n, int k) {
        return switch (loss) {
            case MSE -> mse(p, y, g, n * k);
            case MAE -> mae(p, y, g, n * k);
            case BINARY_CROSS_ENTROPY -> binaryCrossEntropy(p, y, g, n * k);
            case CATEGORICAL_CROSS_ENTROPY -> categoricalCrossEntropy(p, y, g, n);
            case SOFTMAX_CROSS_ENTROPY -> softmaxCrossEntropy(p, y, g, n, k);
            case SIGMOID_CROSS_ENTROPY -> sigmoidCrossEntropy(p, y, g, n * k);
        };
    }

    private static double mse(float[] p, float[] y, float[] g, int count) {
        double sum = 0;
        float scale = 2f / count;
        for (int i = 0; i < count; i++) {
            float d = p[i] - y[i];
            sum += (double) d * d;
            if (g != null) {
                g[i] = scale * d;
            }
        }
        return sum / count;
    }

    private static double mae(float[] p, float[] y, float[] g, int count) {
        double sum = 0;
        float scale = 1f / count;
        for (int i = 0; i < count; i++) {
            float d = p[i] - y[i];
            sum += Math.abs(d);
            if (g != null) {
                g[i] = scale * Math.signum(d);
            }
        }
        return sum / count;
    }

    private static double binaryCrossEntropy(float[] p, float[] y, float[] g, int count) {
        double sum = 0;
        float scale = 1f / count;
        for (int i = 0; i < count; i++) {
            float q = Math.min(Math.max(p[i], Loss.EPSILON), 1f - Loss.EPSILON);
            sum -= y[i] * Math.log(q) + (1.0 - y[i]) * Math.log(1.0 - q);
            if (g != null) {
                g[i] = scale * (q - y[i]) / (q * (1f - q));
            }
        }
        return sum / count;
    }

    private static double categoricalCrossEntropy(float[] p, float[] y, float[] g, int n) {
        double sum = 0;
        float scale = 1f / n;
        for (int i = 0; i < p.length; i++) {
            float q = Math.max(p[i], Loss.EPSILON);
            if (y[i] != 0f) {
                sum -= y[i] * Math.log(q);
            }
            if (g != null) {
                g[i] = -scale * y[i] / q;
            }
        }
        return sum / n;
    }

    /** Per row: loss = logsumexp(z) * sum(y) - y . z; gradient = (softmax(z) * sum(y) - y) / n. */
    private static double softmaxCrossEntropy(float[] z, float[] y, float[] g, int n, int k) {
        double sum = 0;
        float scale = 1f / n;
        for (int i = 0; i < n; i++) {
            int off = i * k;
            float max = Float.NEGATIVE_INFINITY;
            float ySum = 0f;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[off + j]);
                ySum += y[off + j];
            }
            double expSum = 0;
            for (int j = 0; j < k; j++) {
                expSum += Math.exp(z[off + j] - max);
            }
            double logSumExp = max + Math.log(expSum);
            for (int j = 0; j < k; j++) {
                sum += y[off + j] * (logSumExp - z[off + j]);
                if (g != null) {
                    float softmax = (float) (Math.exp(z[off + j] - max) / expSum);
                    g[off + j] = scale * (softmax * ySum - y[off + j]);
                }
            }
        }
        return sum / n;
    }

    /** Per element: loss = max(z, 0) - z y + ln(1 + e^-|z|); gradient = (sigmoid(z) - y) / count. */
    private static double sigmoidCrossEntropy(float[] z, float[] y, float[] g, int count) {
        double sum = 0;
        float scale = 1f / count;
        for (int i = 0; i < count; i++) {
            float zi = z[i];
            sum += Math.max(zi, 0.0) - (double) zi * y[i] + Math.log1p(Math.exp(-Math.abs(zi)));
            if (g != null) {
                float sigmoid = (float) (zi >= 0 ? 1.0 / (1.0 + Math.exp(-zi)) : Math.exp(zi) / (1.0 + Math.exp(zi)));
                g[i] = scale * (sigmoid - y[i]);
            }
        }
        return sum / count;
    }
}
