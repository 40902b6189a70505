package io.github.mlp4j.eval;

import java.util.Locale;

/**
 * Regression metrics over n rows of k outputs: mean squared and mean absolute error over all elements,
 * and R^2 averaged uniformly over the outputs (scikit-learn's {@code r2_score} default).
 */
public record RegressionReport(double mse, double mae, double r2) {

    public static RegressionReport of(float[] predicted, float[] actual, int outputs) {
        if (predicted.length != actual.length || predicted.length == 0 || outputs <= 0
                || predicted.length % outputs != 0) {
            throw new IllegalArgumentException("regression report: " + predicted.length + " predictions for "
                    + actual.length + " targets with " + outputs + " outputs per row");
        }
        int n = predicted.length / outputs;
        double se = 0, ae = 0, r2 = 0;
        for (int j = 0; j < outputs; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += actual[i * outputs + j];
            }
            mean /= n;
            double ssRes = 0, ssTot = 0;
            for (int i = 0; i < n; i++) {
                double y = actual[i * outputs + j], d = predicted[i * outputs + j] - y;
                ssRes += d * d;
                ssTot += (y - mean) * (y - mean);
                ae += Math.abs(d);
            }
            se += ssRes;
            r2 += ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
        }
        return new RegressionReport(se / predicted.length, ae / predicted.length, r2 / outputs);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "mse %.6g, mae %.6g, r2 %.4f", mse, mae, r2);
    }
}
