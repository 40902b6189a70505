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
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend. Matrices are 'c'-ordered float INDArrays. On the CPU the BLAS-shaped operations
 * (GEMM, bias add, column sums, the SGD and momentum updates, copies, dot products) call the OpenBLAS that
 * ND4J ships with, on pointers kept per matrix ({@link Cblas}); element-wise work (activations and their
 * derivatives, softmax, the losses' transforms, AdaGrad/RMSProp/Adam) runs as ND4J ops whose objects are
 * kept per output matrix ({@link OpCache}), so a steady-state training step creates no INDArrays. On
 * other ND4J backends (CUDA) the same operations go through ND4J's general calls.
 *
 * <p>On the host, deliberately: dropout masks (the counter-based generator every backend shares, so that
 * a seed gives the same masks everywhere), argmax (its result is a Java array), and the rare cases
 * without an ND4J op here: the step, sign, hard-sigmoid and PReLU activations, binary and categorical
 * cross-entropy on probabilities and sigmoid cross-entropy. These copy through a heap mirror.
 */
public final class Nd4jBackend implements Backend {

    /** Host operations: the reference backend's loops, on each matrix's heap mirror. */
    private final ReferenceBackend host = new ReferenceBackend();
    final OpExecutioner exec = Nd4j.getExecutioner();
    private final Level1 blas1 = Nd4j.getBlasWrapper().level1();
    /** Whether matrices live in host memory that BLAS and Java can address (ND4J's CPU backend). */
    private final boolean cpu = Nd4j.getBackend().getClass().getSimpleName().equals("CpuBackend");
    private final DeviceOptimizers optimizers = new DeviceOptimizers(this);
    /** A vector of ones for the bias add and column sums as BLAS calls; grown, never shrunk. */
    private volatile Nd4jMatrix ones;

    /** What ND4J runs on: the backend, and on CUDA each device's name and memory; on the CPU the settings. */
    static String describe() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        StringBuilder d = new StringBuilder("ND4J ").append(backend);
        if (backend.equals("CpuBackend")) {
            return d.append(", OPENBLAS_CORETYPE=").append(System.getenv("OPENBLAS_CORETYPE"))
                    .append(", OMP_NUM_THREADS=").append(System.getenv("OMP_NUM_THREADS")).toString();
        }
        // ND4J's CUDA backend lists its devices here (keys from its JCublas executioner).
        if (Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.devicesInformation") instanceof
                java.util.List<?> devices) {
            for (Object o : devices) {
                if (o instanceof java.util.Map<?, ?> dev) {
                    Object total = dev.get("cuda.totalMemory");
                    d.append(", ").append(dev.get("cuda.deviceName")).append(total instanceof Number n
                            ? String.format(" (%.1f GiB)", n.doubleValue() / (1L << 30)) : "");
                }
            }
        }
        return d.toString();
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public String toString() {
        return "Nd4jBackend[" + Nd4j.getBackend().getClass().getSimpleName() + "]";
    }

    static Nd4jMatrix m(Matrix m) {
        return (Nd4jMatrix) m;
    }

    static INDArray a(Matrix m) {
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

    private FloatPointer ones(int n) {
        Nd4jMatrix o = ones;
        if (o == null || o.size() < n) {
            synchronized (this) {
                o = ones;
                if (o == null || o.size() < n) {
                    o = (Nd4jMatrix) allocate(1, Math.max(n, 256));
                    o.array.assign(1f);
                    ones = o; // the old one stays valid for a thread still using it; the GC frees it
                }
            }
        }
        return o.pointer;
    }

    /** Runs the ND4J op of this kind writing {@code z}, kept in z's cache. */
    void op(OpCache.Factory kind, INDArray x, INDArray y, Matrix z, double d) {
        m(z).ops.run(exec, kind, x, y, a(z), d);
    }

    @Override
    public Matrix allocate(int rows, int cols) {
        return new Nd4jMatrix(this, Nd4j.create(DataType.FLOAT, new long[] {rows, cols}, 'c'), rows, cols, cpu);
    }

    @Override
    public boolean owns(Matrix m) {
        return m instanceof Nd4jMatrix n && n.owner == this;
    }

    @Override
    public void upload(float[] src, int offset, Matrix dst) {
        m(dst).write(src, offset);
    }

    @Override
    public void download(Matrix src, float[] dst, int offset) {
        m(src).read(dst, offset);
    }

    @Override
    public void copy(Matrix src, Matrix dst) {
        if (cpu) {
            Cblas.copy(m(src), m(dst));
        } else {
            a(dst).assign(a(src));
        }
    }

    @Override
    public void fill(Matrix dst, float value) {
        a(dst).assign(value);
    }

    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        // With beta 0, BLAS does not read C (NaN in C does not propagate; the conformance suite checks it).
        if (cpu) {
            Cblas.gemm(transA, transB, alpha, m(a), m(b), beta, m(c));
        } else {
            Nd4j.gemm(a(a), a(b), a(c), transA, transB, alpha, beta);
        }
    }

    /** y += alpha x. */
    void axpy(float alpha, Matrix x, Matrix y) {
        if (cpu) {
            Cblas.axpy(alpha, m(x), m(y));
        } else {
            blas1.axpy(y.size(), alpha, a(x), a(y));
        }
    }

    /** x *= alpha. */
    void scal(float alpha, Matrix x) {
        if (cpu) {
            Cblas.scal(alpha, m(x));
        } else {
            a(x).muli(alpha);
        }
    }

    /** x . y, accumulated in double on the CPU. */
    double dot(Matrix x, Matrix y) {
        return cpu ? Cblas.dotDouble(m(x), m(y)) : Nd4j.getBlasWrapper().dot(a(x), a(y));
    }

    /** out (n x 1) = the row sums of x. */
    void rowSums(Matrix x, Matrix out) {
        if (cpu) {
            Cblas.sumRows(ones(x.cols()), m(x), m(out));
        } else {
            a(x).sum(a(out).reshape(out.rows()), 1);
        }
    }

    /** Multiplies row i of x by v[i] (v is n x 1). */
    void scaleRows(Matrix x, Matrix v) {
        op(Ops.MUL, a(x), a(v), x, 0);
    }

    @Override
    public void addScaled(float alpha, Matrix x, float beta, Matrix y) {
        if (x == y) {
            scal(alpha + beta, y);
            return;
        }
        if (beta != 1f) {
            scal(beta, y);
        }
        axpy(alpha, x, y);
    }

    @Override
    public void hadamard(Matrix x, Matrix y, Matrix out) {
        op(Ops.MUL, a(x), a(y), out, 0);
    }

    @Override
    public double sumSquares(Matrix x) {
        return cpu ? Cblas.dotDouble(m(x), m(x)) : host.sumSquares(in(x)); // in double, as the contract says
    }

    @Override
    public double sumAbs(Matrix x) {
        if (!cpu) {
            return host.sumAbs(in(x));
        }
        FloatBuffer b = m(x).buffer(); // in double, read in place; BLAS sasum sums in float
        double s = 0;
        for (int i = 0, n = x.size(); i < n; i++) {
            s += Math.abs(b.get(i));
        }
        return s;
    }

    @Override
    public void sumColumns(Matrix x, Matrix out) {
        if (cpu) {
            Cblas.sumColumns(ones(x.rows()), m(x), m(out));
        } else {
            a(x).sum(a(out).reshape(out.cols()), 0);
        }
    }

    @Override
    public void biasActivation(Matrix z, Matrix bias, Activation f, Matrix slopes, Matrix a) {
        boolean onDevice = f instanceof Relu || f instanceof LeakyRelu || f instanceof Identity || f instanceof Sigmoid
                || f instanceof Tanh || f instanceof Softmax; // ND4J's softplus overflows to infinity for large z
        if (!onDevice) {
            host.biasActivation(in(z), in(bias), f, in(slopes), in(a));
            out(z);
            out(a);
            return;
        }
        if (cpu) {
            Cblas.addToRows(1f, ones(z.rows()), m(bias), m(z));
        } else {
            a(z).addiRowVector(a(bias));
        }
        INDArray zz = a(z);
        switch (f) {
            case Relu r -> op(Ops.RELU, zz, null, a, 0);
            case LeakyRelu l -> op(Ops.LEAKY_RELU, zz, null, a, l.slope());
            case Identity i -> copy(z, a);
            case Sigmoid s -> op(Ops.SIGMOID, zz, null, a, 0);
            case Tanh t -> op(Ops.TANH, zz, null, a, 0);
            case Softmax s -> op(Ops.SOFTMAX, zz, null, a, 0);
            default -> throw new AssertionError(f);
        }
    }

    @Override
    public void activationBackward(Activation f, Matrix z, Matrix a, Matrix slopes, Matrix gradA, Matrix gradZ,
                                   Matrix gradSlopes) {
        INDArray zz = a(z), ga = a(gradA);
        switch (f) {
            case Relu r -> op(Ops.RELU_BACKWARD, zz, ga, gradZ, 0);
            case Identity i -> {
                if (gradA != gradZ) {
                    copy(gradA, gradZ);
                }
            }
            case Sigmoid s -> op(Ops.SIGMOID_BACKWARD, zz, ga, gradZ, 0);
            case Tanh t -> op(Ops.TANH_BACKWARD, zz, ga, gradZ, 0);
            case LeakyRelu l -> {
                Matrix d = m(z).scratch(Nd4jMatrix.DERIVATIVE, z.rows(), z.cols());
                op(Ops.LEAKY_RELU_DERIVATIVE, zz, null, d, l.slope());
                op(Ops.MUL, a(d), ga, gradZ, 0);
            }
            case Softplus s -> {
                Matrix d = m(z).scratch(Nd4jMatrix.DERIVATIVE, z.rows(), z.cols());
                op(Ops.SIGMOID, zz, null, d, 0); // softplus' = sigmoid
                op(Ops.MUL, a(d), ga, gradZ, 0);
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
        switch (loss) {
            case SOFTMAX_CROSS_ENTROPY, MSE, MAE -> {
                return DeviceLosses.loss(this, loss, m(prediction), m(target), gradient == null ? null : m(gradient));
            }
            default -> {
                double v = host.loss(loss, in(prediction), in(target), in(gradient));
                out(gradient);
                return v;
            }
        }
    }

    @Override
    public void sgd(Matrix w, Matrix g, float lr, float l1, float l2) {
        optimizers.sgd(w, g, lr, l1, l2);
    }

    @Override
    public void momentum(Matrix w, Matrix g, Matrix velocity, float lr, float mu, boolean nesterov, float l1,
                         float l2) {
        optimizers.momentum(w, g, velocity, lr, mu, nesterov, l1, l2);
    }

    @Override
    public void adagrad(Matrix w, Matrix g, Matrix sumSquares, float lr, float eps, float l1, float l2) {
        optimizers.adagrad(w, g, sumSquares, lr, eps, l1, l2);
    }

    @Override
    public void rmsprop(Matrix w, Matrix g, Matrix meanSquares, float lr, float rho, float eps, float l1, float l2) {
        optimizers.rmsprop(w, g, meanSquares, lr, rho, eps, l1, l2);
    }

    @Override
    public void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps, int step,
                     float weightDecay, float l1, float l2) {
        optimizers.adam(w, g, m, v, lr, beta1, beta2, eps, step, weightDecay, l1, l2);
    }

    @Override
    public void gatherRows(Matrix src, int[] indices, int from, Matrix dst) {
        int n = dst.rows(), cols = dst.cols();
        if (cpu) {
            // Row copies between views of host memory: no op, no allocation (pullRows made 5 KB per call).
            FloatBuffer s = m(src).buffer(), d = m(dst).buffer();
            for (int i = 0; i < n; i++) {
                d.put(i * cols, s, indices[from + i] * cols, cols);
            }
        } else {
            int[] rows = java.util.Arrays.copyOfRange(indices, from, from + n);
            Nd4j.pullRows(a(src), a(dst), 1, rows);
        }
    }

    @Override
    public void dropoutMask(Matrix mask, float dropRate, long seed) {
        // The same counter-based mask as every backend, made on the host and uploaded.
        host.dropoutMask(m(mask).hostMirror(host), dropRate, seed);
        out(mask);
    }

    @Override
    public void argmaxRows(Matrix x, int[] out) {
        host.argmaxRows(in(x), out);
    }
}
