package io.github.mlp4j.nn;

import java.util.Locale;

/**
 * The closed set of loss functions every backend implements, each computed over a batch of n rows
 * and k outputs together with its gradient in one call ({@code Backend.loss}).
 *
 * <p>Reductions follow Keras and PyTorch's defaults: element-wise losses (MSE, MAE, binary
 * cross-entropy) are the mean over all n*k elements; categorical cross-entropy is summed over the k
 * classes and averaged over the n rows. Gradients are of that mean.
 *
 * <p>The two {@code *_CROSS_ENTROPY} losses on logits fuse the output activation into the loss:
 * they take the pre-activation {@code z}, compute the loss with log-sum-exp (finite for any finite
 * logits), and return the gradient with respect to {@code z}: {@code (softmax(z) - y) / n} and
 * {@code (sigmoid(z) - y) / (n k)}. A network whose output is softmax + categorical cross-entropy,
 * or sigmoid + binary cross-entropy, uses them automatically.
 */
public enum Loss {
    /** Mean squared error, {@code mean((p - y)^2)}. */
    MSE("mse"),
    /** Mean absolute error, {@code mean(|p - y|)}; gradient {@code sign(p - y)}, 0 where equal. */
    MAE("mae"),
    /** Binary cross-entropy on probabilities, clamped to [{@link #EPSILON}, 1 - EPSILON] as Keras does. */
    BINARY_CROSS_ENTROPY("binary_cross_entropy"),
    /** Categorical cross-entropy on probabilities, {@code -sum y ln max(p, EPSILON)} per row. */
    CATEGORICAL_CROSS_ENTROPY("categorical_cross_entropy"),
    /** Softmax followed by categorical cross-entropy, on logits (fused). */
    SOFTMAX_CROSS_ENTROPY("softmax_cross_entropy"),
    /** Sigmoid followed by binary cross-entropy, on logits (fused). */
    SIGMOID_CROSS_ENTROPY("sigmoid_cross_entropy");

    /** Probabilities are clamped to at least this before a logarithm (Keras' {@code epsilon()}). */
    public static final float EPSILON = 1e-7f;

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The name used in model files and on the command line. */
    public String id() {
        return id;
    }

    /** Whether this loss takes logits (pre-activations) rather than the output activation. */
    public boolean onLogits() {
        return this == SOFTMAX_CROSS_ENTROPY || this == SIGMOID_CROSS_ENTROPY;
    }

    /**
     * Parses an {@link #id()}; also accepts {@code cross_entropy}/{@code ce} and {@code bce}.
     *
     * @throws IllegalArgumentException naming the unknown loss and listing the known ones
     */
    public static Loss parse(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "mse", "mean_squared_error" -> MSE;
            case "mae", "mean_absolute_error" -> MAE;
            case "binary_cross_entropy", "bce" -> BINARY_CROSS_ENTROPY;
            case "categorical_cross_entropy", "cross_entropy", "ce" -> CATEGORICAL_CROSS_ENTROPY;
            case "softmax_cross_entropy" -> SOFTMAX_CROSS_ENTROPY;
            case "sigmoid_cross_entropy" -> SIGMOID_CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("unknown loss '" + id
                    + "'; expected one of mse, mae, binary_cross_entropy, categorical_cross_entropy");
        };
    }
}
