package io.github.mlp4j.nd4j;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.HeapMatrix;
import io.github.mlp4j.backend.Matrix;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32, row-major ('c') INDArray owned by an {@link Nd4jBackend}. {@link #close()} frees its
 * off-heap memory at once rather than when the garbage collector gets to it.
 *
 * <p>Everything a training step needs besides the array itself is made once and kept here, so that a
 * steady-state step creates no INDArrays: on the CPU the raw pointer BLAS is called with and a view of
 * the memory; the ND4J op objects that last wrote this matrix ({@link OpCache}); scratch matrices of the
 * same shape for the few operations that need one.
 */
final class Nd4jMatrix implements Matrix {

    final Nd4jBackend owner;
    final INDArray array;
    /** The data's address for BLAS calls, on the CPU only (null on other ND4J backends). */
    final FloatPointer pointer;
    final OpCache ops = new OpCache();
    /** The optimizer's op when this matrix is a parameter updated by AdaGrad, RMSProp or Adam. */
    UpdaterOp updater;
    private final int rows, cols;
    private FloatBuffer buffer;
    private boolean closed;
    /** Scratch slots: which operation uses which, so that none overwrites another's. */
    static final int DERIVATIVE = 0, REGULARIZED = 1, SIGN = 2, UPDATE = 3, LOSS_WORK = 4, ROW_MAX = 5, ROW_SUM = 6,
            LOG_SUM = 7, TARGET_SUM = 8;
    /** Intermediate results, made on first use; see {@link #scratch}. */
    private final Nd4jMatrix[] scratch = new Nd4jMatrix[TARGET_SUM + 1];
    /** A heap copy for the operations done on the host, made on first need and reused. */
    private HeapMatrix mirror;

    Nd4jMatrix(Nd4jBackend owner, INDArray array, int rows, int cols, boolean cpu) {
        this.owner = owner;
        this.array = array;
        this.rows = rows;
        this.cols = cols;
        this.pointer = cpu ? (FloatPointer) array.data().addressPointer() : null;
    }

    @Override public int rows() { return rows; }
    @Override public int cols() { return cols; }
    @Override public boolean isClosed() { return closed; }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mirror = null;
            ops.clear();
            for (Nd4jMatrix s : scratch) {
                if (s != null) {
                    s.close();
                }
            }
            array.close();
        }
    }

    /** A view of the off-heap data; use absolute get/put only, since the view is shared. */
    FloatBuffer buffer() {
        FloatBuffer b = buffer;
        if (b == null) {
            buffer = b = array.data().asNioFloat();
        }
        return b;
    }

    /**
     * Scratch matrix {@code slot} for intermediate results of operations on this matrix, of
     * the given shape; made on first use and kept.
     */
    Nd4jMatrix scratch(int slot, int rows, int cols) {
        Nd4jMatrix s = scratch[slot];
        if (s == null || s.rows != rows || s.cols != cols) {
            if (s != null) {
                s.close();
            }
            scratch[slot] = s = (Nd4jMatrix) owner.allocate(rows, cols);
        }
        return s;
    }

    /**
     * Copies the values to {@code dst[offset..]}. On the CPU straight from the off-heap memory; elsewhere
     * through ND4J, which first brings device memory up to date on the host.
     */
    void read(float[] dst, int offset) {
        if (pointer != null) {
            buffer().get(0, dst, offset, rows * cols);
        } else {
            System.arraycopy(array.data().asFloat(), 0, dst, offset, rows * cols);
        }
    }

    /** Sets the values from {@code src[offset..]}; elsewhere than the CPU ND4J copies them to the device. */
    void write(float[] src, int offset) {
        if (pointer != null) {
            buffer().put(0, src, offset, rows * cols);
        } else {
            array.data().setData(java.util.Arrays.copyOfRange(src, offset, offset + rows * cols));
        }
    }

    /** The heap mirror, with this matrix's current values. */
    HeapMatrix toHost(Backend host) {
        HeapMatrix m = hostMirror(host);
        read(m.data(), 0);
        return m;
    }

    /** The heap mirror as it is, for a host operation that overwrites it. */
    HeapMatrix hostMirror(Backend host) {
        if (mirror == null) {
            mirror = (HeapMatrix) host.allocate(rows, cols);
        }
        return mirror;
    }

    /** Writes the mirror's values back after a host operation changed them. */
    void fromHost() {
        write(mirror.data(), 0);
    }

    @Override
    public String toString() {
        return "Nd4jMatrix[" + shape() + (closed ? ", closed]" : "]");
    }
}
