package io.github.mlp4j.backend;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;

/**
 * The Backend SPI: every batched matrix operation a dense network needs, on matrices the backend
 * owns. Implementations trust their arguments; obtain backends through {@link Backends}, which
 * wraps them in a facade that checks every argument once and names what is wrong.
 *
 * <p>Conventions, as in EJML: the caller owns every output and passes it in; nothing is allocated
 * by an operation. Each parameter's Javadoc says whether it is <i>modified</i>. Matrices are
 * float32, row-major, and an operation's outputs never alias its inputs unless the method says so.
 *
 * <pre>{@code
 * Backend b = Backends.get();                       // highest-priority available backend
 * Matrix x = b.allocate(128, 784), w = b.allocate(784, 256), h = b.allocate(128, 256);
 * b.gemm(false, false, 1f, x, w, 0f, h);            // h = x w
 * }</pre>
 */
public interface Backend extends AutoCloseable {

    /** The provider name, e.g. {@code reference}, {@code vector}, {@code nd4j}. */
    String name();

    // ---- memory -------------------------------------------------------------------------------

    /** A new zeroed {@code rows x cols} matrix. */
    Matrix allocate(int rows, int cols);

    /** Whether {@code m} was allocated by this backend and can be passed to its operations. */
    boolean owns(Matrix m);

    /**
     * Copies {@code dst.size()} floats, row-major, from {@code src[offset..]} into {@code dst}.
     *
     * @param src not modified
     * @param dst modified
     */
    void upload(float[] src, int offset, Matrix dst);

    /**
     * Copies {@code src}, row-major, into {@code dst[offset .. offset + src.size())}.
     *
     * @param src not modified
     * @param dst modified
     */
    void download(Matrix src, float[] dst, int offset);

    /** {@code dst = src}; same shapes. @param src not modified @param dst modified */
    void copy(Matrix src, Matrix dst);

    /** Sets every element of {@code dst} to {@code value}. @param dst modified */
    void fill(Matrix dst, float value);

    // ---- BLAS ---------------------------------------------------------------------------------

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is X or its transpose. With
     * {@code beta == 0}, C's previous contents are ignored (NaN in C does not propagate).
     *
     * @param a not modified; op(A) is M x K
     * @param b not modified; op(B) is K x N
     * @param c modified; M x N; must not alias A or B
     */
    void gemm(boolean transA, boolean transB, float alpha, Matrix a, Matrix b, float beta, Matrix c);

    /** {@code y = alpha * x + beta * y}; x may be y. @param x not modified @param y modified */
    void addScaled(float alpha, Matrix x, float beta, Matrix y);

    /** {@code out = x .* y}, element-wise; out may alias x or y. @param out modified */
    void hadamard(Matrix x, Matrix y, Matrix out);

    /** {@code sum of x^2} over all elements, accumulated in double. @param x not modified */
    double sumSquares(Matrix x);

    /** {@code sum of |x|} over all elements, accumulated in double. @param x not modified */
    double sumAbs(Matrix x);

    /**
     * Column sums: {@code out[0, j] = sum over rows of x[i, j]} (the bias gradient).
     *
     * @param x   not modified; n x k
     * @param out modified; 1 x k
     */
    void sumColumns(Matrix x, Matrix out);

    // ---- layers -------------------------------------------------------------------------------

    /**
     * Layer forward, fused: {@code z += bias} (bias broadcast over rows), then {@code a = f(z)}.
     * Both are kept, since backward needs z or a depending on the activation.
     *
     * @param z      modified; n x k pre-activation (the product {@code x W} on entry)
     * @param bias   not modified; 1 x k
     * @param f      the activation
     * @param slopes not modified; 1 x k PReLU slopes; ignored (may be null) for other activations
     * @param a      modified; n x k; must not alias z
     */
    void biasActivation(Matrix z, Matrix bias, Activation f, Matrix slopes, Matrix a);

    /**
     * Activation backward: {@code gradZ = f'(z) .* gradA} ({@link Activation.Elementwise}), the
     * Jacobian-vector product for softmax, and for PReLU also
     * {@code gradSlopes[j] = sum over rows of gradA * min(z, 0)}.
     *
     * @param z          not modified; pre-activation
     * @param a          not modified; f(z)
     * @param slopes     not modified; PReLU only, else may be null
     * @param gradA      not modified; dL/da
     * @param gradZ      modified; dL/dz; may alias gradA for element-wise activations
     * @param gradSlopes modified; 1 x k dL/dslopes; PReLU only, else may be null
     */
    void activationBackward(Activation f, Matrix z, Matrix a, Matrix slopes, Matrix gradA, Matrix gradZ,
                            Matrix gradSlopes);

    /**
     * The loss of a batch, and its gradient, in one pass (see {@link Loss} for reductions).
     *
     * @param prediction not modified; n x k, probabilities or values, or logits when {@link Loss#onLogits()}
     * @param target     not modified; n x k (one-hot rows for categorical losses)
     * @param gradient   modified; n x k dLoss/dprediction; may be null to compute only the value
     * @return the loss, averaged as {@link Loss} says
     */
    double loss(Loss loss, Matrix prediction, Matrix target, Matrix gradient);

    // ---- optimizers: in place, one pass over parameters, gradient and state ----------------------
    // Each adds the regularization gradient l1 * sign(w) + l2 * w to g first (g itself is not modified),
    // matching a penalty l1 * sum|w| + l2 / 2 * sum w^2 in the loss.

    /** Plain gradient descent, {@code w -= lr * g}. @param w modified @param g not modified */
    void sgd(Matrix w, Matrix g, float lr, float l1, float l2);

    /**
     * Momentum, PyTorch's form: {@code v = mu v + g; w -= lr v}; Nesterov: {@code w -= lr (g + mu v)}
     * with the updated v.
     *
     * @param w modified @param g not modified @param velocity modified
     */
    void momentum(Matrix w, Matrix g, Matrix velocity, float lr, float mu, boolean nesterov, float l1, float l2);

    /** AdaGrad: {@code G += g^2; w -= lr g / (sqrt(G) + eps)}. @param w modified @param sumSquares modified */
    void adagrad(Matrix w, Matrix g, Matrix sumSquares, float lr, float eps, float l1, float l2);

    /**
     * RMSProp: {@code E = rho E + (1 - rho) g^2; w -= lr g / (sqrt(E) + eps)}.
     *
     * @param w modified @param meanSquares modified
     */
    void rmsprop(Matrix w, Matrix g, Matrix meanSquares, float lr, float rho, float eps, float l1, float l2);

    /**
     * Adam with bias correction, and AdamW's decoupled weight decay when {@code weightDecay > 0}:
     * {@code w -= lr * weightDecay * w} first, then {@code m = b1 m + (1 - b1) g;
     * v = b2 v + (1 - b2) g^2; w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}.
     *
     * @param step t, the 1-based number of this update
     * @param w modified @param m modified @param v modified
     */
    void adam(Matrix w, Matrix g, Matrix m, Matrix v, float lr, float beta1, float beta2, float eps, int step,
              float weightDecay, float l1, float l2);

    // ---- data ---------------------------------------------------------------------------------

    /**
     * Mini-batch assembly: {@code dst[i] = src[indices[from + i]]} for each of dst's rows.
     *
     * @param src not modified @param indices not modified @param dst modified
     */
    void gatherRows(Matrix src, int[] indices, int from, Matrix dst);

    /**
     * An inverted-dropout mask: each element independently 0 with probability {@code dropRate},
     * else {@code 1 / (1 - dropRate)}. The same seed gives the same mask on the same backend.
     *
     * @param mask modified
     */
    void dropoutMask(Matrix mask, float dropRate, long seed);

    /**
     * The column of each row's largest element (the first one on ties).
     *
     * @param x not modified @param out modified; at least {@code x.rows()} long
     */
    void argmaxRows(Matrix x, int[] out);

    /** Releases resources the backend holds (thread pools, device contexts). Matrices stay the caller's. */
    @Override
    default void close() {
    }
}
