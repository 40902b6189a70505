package io.github.mlp4j.nd4j;

import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.nn.Loss;

/**
 * The losses computed where the matrices live, as ND4J ops and BLAS calls: softmax cross-entropy on
 * logits (the usual classifier), MSE and MAE. Same formulas as the reference backend's.
 */
final class DeviceLosses {

    private DeviceLosses() {}

    /** @param g the gradient's output, or null for the loss alone */
    static double loss(Nd4jBackend b, Loss loss, Nd4jMatrix p, Nd4jMatrix y, Nd4jMatrix g) {
        int n = p.rows(), count = p.size();
        Nd4jMatrix d = g != null ? g : p.scratch(Nd4jMatrix.LOSS_WORK, p.rows(), p.cols());
        switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> {
                // Per row i, with max_i the row maximum and s_i = sum_j exp(z_ij - max_i):
                // loss = ySum_i (max_i + log s_i) - y_i . z_i; gradient = (exp(z - max) ySum / s - y) / n.
                // (ND4J's LogSoftMax is log(softmax(z)), -infinity at logit gaps of ~100, and its LogSumExp
                // overflows, so the log-sum-exp is done here.)
                Nd4jMatrix max = p.scratch(Nd4jMatrix.ROW_MAX, n, 1), s = p.scratch(Nd4jMatrix.ROW_SUM, n, 1);
                Nd4jMatrix logS = p.scratch(Nd4jMatrix.LOG_SUM, n, 1), ySum = p.scratch(Nd4jMatrix.TARGET_SUM, n, 1);
                b.op(Ops.ROW_MAX, p.array, null, max, 0);
                b.op(Ops.SUB, p.array, max.array, d, 0);
                b.op(Ops.EXP, d.array, null, d, 0);
                b.rowSums(d, s);
                b.op(Ops.LOG, s.array, null, logS, 0);
                b.rowSums(y, ySum);
                double sum = b.dot(ySum, max) + b.dot(ySum, logS) - b.dot(y, p);
                if (g != null) {
                    b.op(Ops.DIV, ySum.array, s.array, s, 0); // ySum / s, row by row
                    b.scaleRows(d, s);
                    b.axpy(-1f, y, d);
                    b.scal(1f / n, d);
                }
                return sum / n;
            }
            case MSE, MAE -> {
                b.copy(p, d);
                b.axpy(-1f, y, d);          // d = p - y
                double sum = loss == Loss.MSE ? b.sumSquares(d) : b.sumAbs(d);
                if (g != null) {
                    if (loss == Loss.MAE) {
                        b.op(Ops.SIGN, d.array, null, d, 0);
                    }
                    b.scal((loss == Loss.MSE ? 2f : 1f) / count, d);
                }
                return sum / count;
            }
            default -> throw new IllegalArgumentException(loss + " is computed on the host");
        }
    }
}
