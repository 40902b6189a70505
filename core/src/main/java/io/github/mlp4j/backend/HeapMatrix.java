package io.github.mlp4j.backend;

/**
 * A matrix stored in a Java {@code float[]}, row-major: element (r, c) is {@code data()[r * cols + c]}.
 * Shared by the backends that compute on the Java heap (reference, Vector API).
 */
public final class HeapMatrix implements Matrix {

    private final Backend owner;
    private final int rows;
    private final int cols;
    private float[] data;

    /** Allocates a zeroed matrix owned by {@code owner}. */
    public HeapMatrix(Backend owner, int rows, int cols) {
        this.owner = owner;
        this.rows = rows;
        this.cols = cols;
        this.data = new float[Math.multiplyExact(rows, cols)];
    }

    /** The backing array; valid until {@link #close()}. Modified by the owning backend's operations. */
    public float[] data() {
        return data;
    }

    /** The backend that allocated this matrix. */
    public Backend owner() {
        return owner;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public boolean isClosed() {
        return data == null;
    }

    @Override
    public void close() {
        data = null;
    }

    @Override
    public String toString() {
        return "HeapMatrix[" + shape() + (isClosed() ? ", closed]" : "]");
    }
}
