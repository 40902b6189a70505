package io.github.mlp4j.backend;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.PRelu;

/**
 * The facade {@link Backends} hands out: it checks every argument once, then delegates to a backend
 * that trusts its arguments. Errors are {@link IllegalArgumentException}s naming the operation, the
 * argument, what was expected and what was given, e.g.
 * {@code "gemm: C is 3x5, expected 3x4 (op(A) is 3x7, op(B) is 7x4)"}.
 *
 * <p>The checks cost a few comparisons per call, against operations that each touch whole matrices.
 */
public final class CheckedBackend implements Backend {

    private final Backend delegate;

    /** Wraps {@code delegate}; wrapping a checked backend again returns an equivalent facade. */
    public CheckedBackend(Backend delegate) {
        this.delegate = delegate instanceof CheckedBackend c ? c.delegate : delegate;
    }

    /** The unchecked backend behind this facade. */
    public Backend unwrap() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String toString() {
        return "Checked[" + delegate + "]";
    }

    @Override
    public void close() {
        delegate.close();
    }

    // ---- checks ---------------------------------------------------------------------------------

    private Matrix live(String op, String arg, Matrix m) {
        if (m == null) {
            throw new IllegalArgumentException(op + ": argument " + arg + " is null");
        }
        if (m.isClosed()) {
            throw new IllegalArgumentException(op + ": argument " + arg + " (" + m.shape() + ") is closed (released)");
        }
        if (!delegate.owns(m)) {
            throw new IllegalArgumentException(op + ": argument " + arg + " (" + m + ") was not allocated by backend '"
                    + delegate.name() + "'");
        }
        return m;
    }

    private void shape(String op, String arg, Matrix m, int rows, int cols, String why) {
        live(op, arg, m);
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException(op + ": " + arg + " is " + m.shape() + ", expected " + rows + "x" + cols
                    + (why.isEmpty() ? "" : " (" + why + ")"));
        }
    }

    private void sameShape(String op, String arg, Matrix m, String refArg, Matrix ref) {
        live(op, arg, m);
        if (m.rows() != ref.rows() || m.cols() != ref.cols()) {
            shape(op, arg, m, ref.rows(), ref.cols(), "the shape of " + refArg);
        }
    }


    private static void notAliased(String op, String arg, Matrix m, String otherArg, Matrix other) {
        if (m == other) {
            throw new IllegalArgumentException(op + ": " + arg + " must not be the same matrix as " + otherArg);
        }
    }

    // ---- memory -------------------------------------------------------------------------------

    @Override
    public Matrix allocate(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("allocate: shape " + rows + "x" + cols + ", expected positive rows and cols");
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("allocate: " + rows + "x" + cols + " has " + (long) rows * cols
                    + " elements, more than the " + (Integer.MAX_VALUE - 8) + " a matrix can hold");
        }
        return delegate.allocate(rows, cols);
    }

    @Override
    public boolean owns(Matrix m) {
        return delegate.owns(m);
    }

    private static void range(String op, String arg, float[] array, int offset, Matrix m) {
        if (array == null) {
            throw new IllegalArgumentException(op + ": " + arg + " is null");
        }
        if (offset < 0 || (long) offset + m.size() > array.length) {
            throw new IllegalArgumentException(op + ": " + arg + " has " + array.length + " floats, offset " + offset
                    + ", expected room for " + m.size() + " (a " + m.shape() + " matrix)");
        }
    }

    /** Rejects NaN and infinity: uploaded data are inputs, targets and weights, where neither means anything. */
    @Override
    public void upload(float[] src, int offset, Matrix dst) {
        live("upload", "dst", dst);
        range("upload", "src", src, offset, dst);
        int cols = dst.cols();
        for (int i = 0; i < dst.size(); i++) {
            float v = src[offset + i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("upload: src[" + (offset + i) + "] is " + v + " (row " + i / cols
                        + ", col " + i % cols + " of a " + dst.shape() + " matrix), expected finite values");
            }
        }
        delegate.upload(src, offset, dst);
    }

    @Override
    public void download(Matrix src, float[] dst, int offset) {
        live("download", "src", src);
        range("download", "dst", dst, offset, src);
        delegate.download(src, dst, offset);
    }

    @Override
    public void copy(Matrix src, Matrix dst) {
        live("copy", "src", src);
        sameShape("copy", "dst", dst, "src", src);
        delegate.copy(src, dst);
    }

    @Override
    public void fill(Matrix dst, float value) {
        live("fill", "dst", dst);
        delegate.fill(dst, value);
    }

    // ---- BLAS ---------------------------------------------------------------------------------

    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        live("gemm", "A", a);
        live("gemm", "B", b);
        live("gemm", "C", c);
        Checks.finite("gemm", "alpha", alpha);
        Checks.finite("gemm", "beta", beta);
        int m = transA ? a.cols() : a.rows(), ka = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows(), n = transB ? b.rows() : b.cols();
        if (ka != kb) {
            throw new IllegalArgumentException("gemm: inner dimensions differ: op(A) is " + m + "x" + ka + ", op(B) is "
                    + kb + "x" + n + " (transA=" + transA + ", transB=" + transB + ")");
        }
        if (c.rows() != m || c.cols() != n) {
            shape("gemm", "C", c, m, n, "op(A) is " + m + "x" + ka + ", op(B) is " + kb + "x" + n);
        }
        notAliased("gemm", "C", c, "A", a);
        notAliased("gemm", "C", c, "B", b);
        delegate.gemm(transA, transB, alpha, a, b, beta, c);
    }

    @Override
    public void addScaled(float alpha, Matrix x, float beta, Matrix y) {
        live("addScaled", "x", x);
        sameShape("addScaled", "y", y, "x", x);
        delegate.addScaled(alpha, x, beta, y);
    }

    @Override
    public void hadamard(Matrix x, Matrix y, Matrix out) {
        live("hadamard", "x", x);
        sameShape("hadamard", "y", y, "x", x);
        sameShape("hadamard", "out", out, "x", x);
        delegate.hadamard(x, y, out);
    }

    @Override
    public double sumSquares(Matrix x) {
        return delegate.sumSquares(live("sumSquares", "x", x));
    }

    @Override
    public double sumAbs(Matrix x) {
        return delegate.sumAbs(live("sumAbs", "x", x));
    }

    @Override
    public void sumColumns(Matrix x, Matrix out) {
        live("sumColumns", "x", x);
        shape("sumColumns", "out", out, 1, x.cols(), "one row of column sums of x");
        delegate.sumColumns(x, out);
    }

    // ---- layers -------------------------------------------------------------------------------

    private void slopes(String op, String arg, Activation f, Matrix slopes, Matrix z) {
        if (f instanceof PRelu) {
            shape(op, arg, slopes, 1, z.cols(), "one PReLU slope per unit");
        }
    }

    @Override
    public void biasActivation(Matrix z, Matrix bias, Activation f, Matrix slopes, Matrix a) {
        String op = "biasActivation";
        if (f == null) {
            throw new IllegalArgumentException(op + "(null): activation is null");
        }
        try {
            live(op, "z", z);
            shape(op, "bias", bias, 1, z.cols(), "one bias per column of z");
            slopes(op, "slopes", f, slopes, z);
            sameShape(op, "a", a, "z", z);
            notAliased(op, "a", a, "z", z);
        } catch (IllegalArgumentException e) {
            throw qualified(e, op, f.id());
        }
        delegate.biasActivation(z, bias, f, slopes, a);
    }

    /**
     * The same error with the operation named in full, e.g. {@code biasActivation(relu)}: built only when
     * failing, because a string per call would be an allocation in every training step.
     */
    private static IllegalArgumentException qualified(IllegalArgumentException e, String op, String detail) {
        return new IllegalArgumentException(op + "(" + detail + ")" + e.getMessage().substring(op.length()), e);
    }

    @Override
    public void activationBackward(Activation f, Matrix z, Matrix a, Matrix slopes, Matrix gradA, Matrix gradZ,
                                   Matrix gradSlopes) {
        String op = "activationBackward";
        if (f == null) {
            throw new IllegalArgumentException(op + "(null): activation is null");
        }
        try {
            live(op, "z", z);
            sameShape(op, "a", a, "z", z);
            sameShape(op, "gradA", gradA, "z", z);
            sameShape(op, "gradZ", gradZ, "z", z);
            slopes(op, "slopes", f, slopes, z);
            slopes(op, "gradSlopes", f, gradSlopes, z);
            if (!(f instanceof Activation.Elementwise)) {
                notAliased(op, "gradZ", gradZ, "gradA", gradA);
            }
        } catch (IllegalArgumentException e) {
            throw qualified(e, op, f.id());
        }
        delegate.activationBackward(f, z, a, slopes, gradA, gradZ, gradSlopes);
    }

    @Override
    public double loss(Loss loss, Matrix prediction, Matrix target, Matrix gradient) {
        String op = "loss";
        if (loss == null) {
            throw new IllegalArgumentException(op + "(null): loss is null");
        }
        try {
            live(op, "prediction", prediction);
            sameShape(op, "target", target, "prediction", prediction);
            if (gradient != null) {
                sameShape(op, "gradient", gradient, "prediction", prediction);
            }
        } catch (IllegalArgumentException e) {
            throw qualified(e, op, loss.id());
        }
        return delegate.loss(loss, prediction, target, gradient);
    }

    // ---- optimizers ---------------------------------------------------------------------------

    // Overloads instead of varargs: an array per call would be an allocation in every training step.
    private void update(String op, Matrix w, Matrix g, float lr, float l1, float l2, Matrix state0, Matrix state1) {
        update(op, w, g, lr, l1, l2, state0);
        sameShape(op, "state 1", state1, "w", w);
    }

    private void update(String op, Matrix w, Matrix g, float lr, float l1, float l2, Matrix state0) {
        update(op, w, g, lr, l1, l2);
        sameShape(op, "state 0", state0, "w", w);
    }

    private void update(String op, Matrix w, Matrix g, float lr, float l1, float l2) {
        live(op, "w", w);
        sameShape(op, "g", g, "w", w);
        if (!(lr >= 0f) || Float.isInfinite(lr)) {
            throw new IllegalArgumentException(op + ": learning rate is " + lr + ", expected a finite value >= 0");
        }
        if (!(l1 >= 0f) || !(l2 >= 0f) || Float.isInfinite(l1) || Float.isInfinite(l2)) {
            throw new IllegalArgumentException(op + ": l1=" + l1 + ", l2=" + l2 + ", expected finite values >= 0");
        }
    }



    @Override
    public void sgd(Matrix w, Matrix g, float lr, float l1, float l2) {
        update("sgd", w, g, lr, l1, l2);
        delegate.sgd(w, g, lr, l1, l2);
    }

    @Override
    public void momentum(Matrix w, Matrix g, Matrix velocity, float lr, float mu, boolean nesterov, float l1,
                         float l2) {
        String op = nesterov ? "nesterov" : "momentum";
        update(op, w, g, lr, l1, l2, velocity);
        Checks.unit(op, "momentum", mu, true);
        delegate.momentum(w, g, velocity, lr, mu, nesterov, l1, l2);
    }

    @Override
    public void adagrad(Matrix w, Matrix g, Matrix sumSquares, float lr, float eps, float l1, float l2) {
        update("adagrad", w, g, lr, l1, l2, sumSquares);
        Checks.positive("adagrad", "epsilon", eps);
        delegate.adagrad(w, g, sumSquares, lr, eps, l1, l2);
    }

    @Override
    public void rmsprop(Matrix w, Matrix g, Matrix meanSquares, float lr, float rho, float eps, float l1, float l2) {
        update("rmsprop", w, g, lr, l1, l2, meanSquares);
        Checks.unit("rmsprop", "rho", rho, true);
        Checks.positive("rmsprop", "epsilon", eps);
        delegate.rmsprop(w, g, meanSquares, lr, rho, eps, l1, l2);
    }

    @Override
    public void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps, int step,
                     float weightDecay, float l1, float l2) {
        update("adam", w, g, lr, l1, l2, m, v);
        Checks.unit("adam", "beta1", beta1, true);
        Checks.unit("adam", "beta2", beta2, false);
        Checks.positive("adam", "epsilon", eps);
        if (step < 1) {
            throw new IllegalArgumentException("adam: step is " + step + ", expected the 1-based update count");
        }
        if (!(weightDecay >= 0f) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("adam: weightDecay is " + weightDecay + ", expected a finite value >= 0");
        }
        delegate.adam(w, g, m, v, lr, beta1, beta2, eps, step, weightDecay, l1, l2);
    }

    // ---- data ---------------------------------------------------------------------------------

    @Override
    public void gatherRows(Matrix src, int[] indices, int from, Matrix dst) {
        live("gatherRows", "src", src);
        live("gatherRows", "dst", dst);
        if (dst.cols() != src.cols()) {
            throw new IllegalArgumentException("gatherRows: dst is " + dst.shape() + ", expected " + src.cols()
                    + " columns like src (" + src.shape() + ")");
        }
        notAliased("gatherRows", "dst", dst, "src", src);
        if (indices == null || from < 0 || (long) from + dst.rows() > indices.length) {
            throw new IllegalArgumentException("gatherRows: indices[" + from + " .. " + ((long) from + dst.rows())
                    + ") is out of bounds for " + (indices == null ? "null" : indices.length + " indices"));
        }
        for (int i = from; i < from + dst.rows(); i++) {
            if (indices[i] < 0 || indices[i] >= src.rows()) {
                throw new IllegalArgumentException("gatherRows: indices[" + i + "] is " + indices[i]
                        + ", expected a row of src in [0, " + src.rows() + ")");
            }
        }
        delegate.gatherRows(src, indices, from, dst);
    }

    @Override
    public void dropoutMask(Matrix mask, float dropRate, long seed) {
        live("dropoutMask", "mask", mask);
        Checks.unit("dropoutMask", "dropRate", dropRate, true);
        delegate.dropoutMask(mask, dropRate, seed);
    }

    @Override
    public void argmaxRows(Matrix x, int[] out) {
        live("argmaxRows", "x", x);
        if (out == null || out.length < x.rows()) {
            throw new IllegalArgumentException("argmaxRows: out has " + (out == null ? "no" : out.length)
                    + " elements, expected at least " + x.rows() + " (one per row of x)");
        }
        delegate.argmaxRows(x, out);
    }
}
