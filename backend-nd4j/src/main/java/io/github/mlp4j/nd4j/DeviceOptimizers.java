package io.github.mlp4j.nd4j;

import static io.github.mlp4j.nd4j.Nd4jBackend.a;
import static io.github.mlp4j.nd4j.Nd4jBackend.m;

import io.github.mlp4j.backend.Matrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdaGradUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.RmsPropUpdater;

/**
 * The ND4J backend's optimizer updates: SGD and momentum as BLAS calls, AdaGrad, RMSProp and Adam as
 * ND4J's fused updater ops kept per parameter ({@link UpdaterOp}), all on the regularized gradient.
 */
final class DeviceOptimizers {

    private final Nd4jBackend b;

    DeviceOptimizers(Nd4jBackend b) {
        this.b = b;
    }

    /**
     * The gradient with its regularization terms, {@code g + l1 sign(w) + l2 w}: g itself when both are
     * zero, else a scratch matrix of w's.
     */
    private Matrix regularized(Matrix w, Matrix g, float l1, float l2) {
        if (l1 == 0f && l2 == 0f) {
            return g;
        }
        Matrix r = m(w).scratch(Nd4jMatrix.REGULARIZED, w.rows(), w.cols());
        b.copy(g, r);
        if (l2 != 0f) {
            b.axpy(l2, w, r);
        }
        if (l1 != 0f) {
            Matrix sign = m(w).scratch(Nd4jMatrix.SIGN, w.rows(), w.cols());
            b.op(Ops.SIGN, a(w), null, sign, 0);
            b.axpy(l1, sign, r);
        }
        return r;
    }

    void sgd(Matrix w, Matrix g, float lr, float l1, float l2) {
        b.axpy(-lr, regularized(w, g, l1, l2), w);
    }

    void momentum(Matrix w, Matrix g, Matrix velocity, float lr, float mu, boolean nesterov, float l1,
                         float l2) {
        Matrix r = regularized(w, g, l1, l2);
        b.scal(mu, velocity);
        b.axpy(1f, r, velocity);            // v = mu v + r
        if (nesterov) {
            b.axpy(-lr, r, w);              // w -= lr (r + mu v)
            b.axpy(-lr * mu, velocity, w);
        } else {
            b.axpy(-lr, velocity, w);       // w -= lr v
        }
    }

    /** Applies an ND4J updater op's result: w -= update. */
    private void applyUpdate(Matrix w, Matrix update) {
        b.axpy(-1f, update, w);
    }

    void adagrad(Matrix w, Matrix g, Matrix sumSquares, float lr, float eps, float l1, float l2) {
        Matrix r = regularized(w, g, l1, l2), u = m(w).scratch(Nd4jMatrix.UPDATE, w.rows(), w.cols());
        INDArray gr = a(r), s = a(sumSquares), uu = a(u);
        UpdaterOp.run(m(w), b.exec, AdaGradUpdater.class, () -> new AdaGradUpdater(gr, s, uu, s, lr, eps),
                new double[] {lr, eps}, Long.MIN_VALUE, gr, s, uu);
        applyUpdate(w, u);
    }

    void rmsprop(Matrix w, Matrix g, Matrix meanSquares, float lr, float rho, float eps, float l1, float l2) {
        Matrix r = regularized(w, g, l1, l2), u = m(w).scratch(Nd4jMatrix.UPDATE, w.rows(), w.cols());
        INDArray gr = a(r), e = a(meanSquares), uu = a(u);
        UpdaterOp.run(m(w), b.exec, RmsPropUpdater.class, () -> new RmsPropUpdater(gr, e, uu, e, lr, rho, eps),
                new double[] {lr, rho, eps}, Long.MIN_VALUE, gr, e, uu);
        applyUpdate(w, u);
    }

    void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps, int step,
                     float weightDecay, float l1, float l2) {
        // ND4J's fused updater. (Its element-wise ops are the cost: this and the same update as BLAS passes plus
        // kept sqrt/multiply/divide ops both took about 1 ms for a 784x256 matrix here, 60x an SGD update.)
        Matrix r = regularized(w, g, l1, l2), u = m(w).scratch(Nd4jMatrix.UPDATE, w.rows(), w.cols());
        INDArray gr = a(r), mm = a(m), vv = a(v), uu = a(u);
        // ND4J's Adam adds eps to sqrt(v) before the bias correction of v, ours after it; scaling eps by
        // sqrt(1 - b2^t) makes the two the same update. ND4J counts iterations from 0.
        double eps2 = eps * Math.sqrt(1.0 - Math.pow(beta2, step));
        UpdaterOp.run(m(w), b.exec, AdamUpdater.class,
                () -> new AdamUpdater(gr, vv, mm, uu, vv, mm, lr, beta1, beta2, eps2, step - 1),
                new double[] {lr, beta1, beta2, eps2}, step - 1, gr, vv, mm, uu);
        if (weightDecay != 0f) {
            b.scal(1f - lr * weightDecay, w);
        }
        applyUpdate(w, u);
    }
}
