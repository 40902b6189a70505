package io.github.mlp4j.nd4j;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.HeapMatrix;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.backend.ReferenceBackend;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Identity;
import io.github.mlp4j.nn.LeakyRelu;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Relu;
import io.github.mlp4j.nn.Sigmoid;
import io.github.mlp4j.nn.Softmax;
import io.github.mlp4j.nn.Softplus;
import io.github.mlp4j.nn.Tanh;
import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend. Matrices are 'c'-ordered float INDArrays; the GEMM is {@code Nd4j.gemm} into the
 * caller's output, and bias addition, the ReLU family, sigmoid, tanh, softplus, softmax, column sums and
 * the SGD and momentum updates are ND4J operations in place. The remaining operations (the rarer
 * activations, losses, AdaGrad/RMSProp/Adam, dropout masks, argmax) run the reference backend's loops on
 * a heap copy: correct, but they cost a copy each way, and moving them onto ND4J is future work.
 */
public final class Nd4jBackend implements Backend {

    /** Host operations: the reference backend's loops, on each matrix's heap mirror. */
    private final ReferenceBackend host = new ReferenceBackend();
    private final OpExecutioner exec = Nd4j.getExecutioner();
    private final Level1 blas1 = Nd4j.getBlasWrapper().level1();
    private int[] rowIndex = new int[0];

    static String describe() {
        return "ND4J " + Nd4j.getBackend().getClass().getSimpleName() + " (" + Nd4j.getExecutioner().getClass()
                .getSimpleName() + "), OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE") + ", OMP_NUM_THREADS="
                + System.getenv("OMP_NUM_THREADS");
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public String toString() {
        return "Nd4jBackend[" + Nd4j.getBackend().getClass().getSimpleName() + "]";
    }

    private static INDArray a(Matrix m) {
        return ((Nd4jMatrix) m).array;
    }

    private HeapMatrix in(Matrix m) {
        return m == null ? null : ((Nd4jMatrix) m).toHost(host);
    }

    private static void out(Matrix m) {
        if (m != null) {
            ((Nd4jMatrix) m).fromHost();
        }
    }

    @Override
    public Matrix allocate(int rows, int cols) {
        return new Nd4jMatrix(this, Nd4j.create(DataType.FLOAT, new long[] {rows, cols}, 'c'), rows, cols);
    }

    @Override
    public boolean owns(Matrix m) {
        return m instanceof Nd4jMatrix n && n.owner == this;
    }

    @Override
    public void upload(float[] src, int offset, Matrix dst) {
        ((Nd4jMatrix) dst).buffer().put(src, offset, dst.size());
    }

    @Override
    public void download(Matrix src, float[] dst, int offset) {
        ((Nd4jMatrix) src).buffer().get(dst, offset, src.size());
    }

    @Override
    public void copy(Matrix src, Matrix dst) {
        a(dst).assign(a(src));
    }

    @Override
    public void fill(Matrix dst, float value) {
        a(dst).assign(value);
    }

    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        // No pass over C for beta = 0: BLAS does not read C then (NaN in C does not propagate; the conformance
        // suite checks it), and an extra ND4J op here made its OpenMP threads fight OpenBLAS's: 0.3x raw gemm.
        Nd4j.gemm(a(a), a(b), a(c), transA, transB, alpha, beta);
    }

    @Override
    public void addScaled(float alpha, Matrix x, float beta, Matrix y) {
        if (x == y) {
            a(y).muli(alpha + beta);
            return;
        }
        if (beta != 1f) {
            a(y).muli(beta);
        }
        blas1.axpy(y.size(), alpha, a(x), a(y));
    }

    @Override
    public void hadamard(Matrix x, Matrix y, Matrix out) {
        if (out == x) {
            a(x).muli(a(y));
        } else if (out == y) {
            a(y).muli(a(x));
        } else {
            a(x).mul(a(y), a(out));
        }
    }

    @Override
    public double sumSquares(Matrix x) {
        return host.sumSquares(in(x)); // in double, as the contract says; BLAS sdot accumulates in float
    }

    @Override
    public double sumAbs(Matrix x) {
        return host.sumAbs(in(x));
    }

    @Override
    public void sumColumns(Matrix x, Matrix out) {
        a(x).sum(a(out).reshape(out.cols()), 0);
    }

    @Override
    public void biasActivation(Matrix z, Matrix bias, Activation f, Matrix slopes, Matrix a) {
        boolean onDevice = f instanceof Relu || f instanceof LeakyRelu || f instanceof Identity || f instanceof Sigmoid
                || f instanceof Tanh || f instanceof Softmax;
        if (!onDevice) {
            host.biasActivation(in(z), in(bias), f, in(slopes), in(a));
            out(z);
            out(a);
            return;
        }
        INDArray zz = a(z), aa = a(a);
        zz.addiRowVector(a(bias));
        switch (f) {
            case Relu r -> exec.exec(new RectifiedLinear(zz, aa, 0.0));
            case LeakyRelu l -> exec.exec(new LeakyReLU(zz, aa, l.slope()));
            case Identity i -> aa.assign(zz);
            case Sigmoid s -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid(zz, aa));
            case Tanh t -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh(zz, aa));
            case Softmax s -> exec.exec(new SoftMax(zz, aa, 1));
            default -> throw new AssertionError(f);
        }
    }

    @Override
    public void activationBackward(Activation f, Matrix z, Matrix a, Matrix slopes, Matrix gradA, Matrix gradZ,
                                   Matrix gradSlopes) {
        INDArray zz = a(z), aa = a(a), ga = a(gradA), gz = a(gradZ);
        boolean separate = gradA != gradZ;
        switch (f) {
            case Relu r when separate -> exec.exec(new RectifiedLinearDerivative(zz, ga, gz));
            case Identity i -> {
                if (separate) {
                    gz.assign(ga);
                }
            }
            case Sigmoid s when separate -> gz.assign(aa).rsubi(1f).muli(aa).muli(ga);   // a (1 - a) gA
            case Tanh t when separate -> gz.assign(aa).muli(aa).rsubi(1f).muli(ga);      // (1 - a^2) gA
            case Softplus s when separate -> {
                exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid(zz, gz));
                gz.muli(ga);
            }
            default -> {
                host.activationBackward(f, in(z), in(a), in(slopes), in(gradA), in(gradZ), in(gradSlopes));
                out(gradZ);
                out(gradSlopes);
            }
        }
    }

    @Override
    public double loss(Loss loss, Matrix prediction, Matrix target, Matrix gradient) {
        double v = host.loss(loss, in(prediction), in(target), in(gradient));
        out(gradient);
        return v;
    }

    @Override
    public void sgd(Matrix w, Matrix g, float lr, float l1, float l2) {
        if (l1 != 0f) {
            host.sgd(in(w), in(g), lr, l1, l2);
            out(w);
            return;
        }
        if (l2 != 0f) {
            a(w).muli(1f - lr * l2); // w - lr (g + l2 w) = (1 - lr l2) w - lr g
        }
        blas1.axpy(w.size(), -lr, a(g), a(w));
    }

    @Override
    public void momentum(Matrix w, Matrix g, Matrix velocity, float lr, float mu, boolean nesterov, float l1,
                         float l2) {
        if (l1 != 0f) {
            host.momentum(in(w), in(g), in(velocity), lr, mu, nesterov, l1, l2);
            out(w);
            out(velocity);
            return;
        }
        INDArray ww = a(w), gg = a(g), v = a(velocity);
        long n = w.size();
        v.muli(mu);
        blas1.axpy(n, 1f, gg, v);           // v = mu v + g
        if (l2 != 0f) {
            blas1.axpy(n, l2, ww, v);       //     + l2 w (the old w)
        }
        if (nesterov) {                     // w -= lr (g + l2 w + mu v)
            if (l2 != 0f) {
                ww.muli(1f - lr * l2);
            }
            blas1.axpy(n, -lr, gg, ww);
            blas1.axpy(n, -lr * mu, v, ww);
        } else {
            blas1.axpy(n, -lr, v, ww);      // w -= lr v
        }
    }

    @Override
    public void adagrad(Matrix w, Matrix g, Matrix sumSquares, float lr, float eps, float l1, float l2) {
        host.adagrad(in(w), in(g), in(sumSquares), lr, eps, l1, l2);
        out(w);
        out(sumSquares);
    }

    @Override
    public void rmsprop(Matrix w, Matrix g, Matrix meanSquares, float lr, float rho, float eps, float l1, float l2) {
        host.rmsprop(in(w), in(g), in(meanSquares), lr, rho, eps, l1, l2);
        out(w);
        out(meanSquares);
    }

    @Override
    public void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps, int step,
                     float weightDecay, float l1, float l2) {
        host.adam(in(w), in(g), in(m), in(v), lr, beta1, beta2, eps, step, weightDecay, l1, l2);
        out(w);
        out(m);
        out(v);
    }

    @Override
    public void gatherRows(Matrix src, int[] indices, int from, Matrix dst) {
        int n = dst.rows();
        if (rowIndex.length != n) {
            rowIndex = new int[n];
        }
        System.arraycopy(indices, from, rowIndex, 0, n);
        Nd4j.pullRows(a(src), a(dst), 1, rowIndex);
    }

    @Override
    public void dropoutMask(Matrix mask, float dropRate, long seed) {
        host.dropoutMask(in(mask), dropRate, seed); // the same counter-based mask as every backend
        out(mask);
    }

    @Override
    public void argmaxRows(Matrix x, int[] out) {
        host.argmaxRows(in(x), out);
    }
}
