package io.github.mlp4j.nd4j;

import io.github.mlp4j.backend.HeapMatrix;
import io.github.mlp4j.backend.Matrix;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32, row-major ('c') INDArray owned by an {@link Nd4jBackend}. {@link #close()} frees its
 * off-heap memory at once rather than when the garbage collector gets to it.
 */
final class Nd4jMatrix implements Matrix {

    final Nd4jBackend owner;
    final INDArray array;
    private final int rows, cols;
    private boolean closed;
    /** A heap copy for the operations done on the host, made on first need and reused. */
    private HeapMatrix mirror;

    Nd4jMatrix(Nd4jBackend owner, INDArray array, int rows, int cols) {
        this.owner = owner;
        this.array = array;
        this.rows = rows;
        this.cols = cols;
    }

    @Override public int rows() { return rows; }
    @Override public int cols() { return cols; }
    @Override public boolean isClosed() { return closed; }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mirror = null;
            array.close();
        }
    }

    /** A view of the off-heap data. */
    FloatBuffer buffer() {
        return array.data().asNioFloat();
    }

    /** The heap mirror, with this matrix's current values. */
    HeapMatrix toHost(io.github.mlp4j.backend.Backend host) {
        if (mirror == null) {
            mirror = (HeapMatrix) host.allocate(rows, cols);
        }
        buffer().get(mirror.data(), 0, rows * cols);
        return mirror;
    }

    /** Writes the mirror's values back after a host operation changed them. */
    void fromHost() {
        buffer().put(mirror.data(), 0, rows * cols);
    }

    @Override
    public String toString() {
        return "Nd4jMatrix[" + shape() + (closed ? ", closed]" : "]");
    }
}
