package io.github.mlp4j.backend;

/**
 * An opaque handle to a float32, row-major matrix that a {@link Backend} allocated and owns.
 *
 * <p>Core code never reads a matrix's storage; it moves data with {@link Backend#upload} and
 * {@link Backend#download}. A matrix is closed (released) exactly once; using it afterwards is an
 * error that the checked backend facade reports.
 *
 * <pre>{@code
 * try (Matrix w = backend.allocate(784, 256)) {
 *     backend.upload(weights, 0, w);
 *     ...
 * }
 * }</pre>
 */
public interface Matrix extends AutoCloseable {

    /** Number of rows. */
    int rows();

    /** Number of columns. */
    int cols();

    /** Number of elements, {@code rows * cols}. */
    default int size() {
        return rows() * cols();
    }

    /** Whether {@link #close()} has been called. */
    boolean isClosed();

    /** Releases the storage. Idempotent. */
    @Override
    void close();

    /** {@code "rows x cols"}, the form every error message uses. */
    default String shape() {
        return rows() + "x" + cols();
    }
}
