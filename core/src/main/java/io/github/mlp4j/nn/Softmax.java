package io.github.mlp4j.nn;

/**
 * Softmax over each row: {@code a_j = e^(z_j - max z) / sum_k e^(z_k - max z)} (the max is subtracted
 * so that no exponent overflows). Backward is the Jacobian-vector product
 * {@code dz_j = a_j (da_j - sum_k da_k a_k)}; with categorical cross-entropy the network uses the
 * fused {@link Loss#SOFTMAX_CROSS_ENTROPY} instead, which is cheaper and more accurate.
 */
public record Softmax() implements Activation {
    @Override public String id() { return "softmax"; }
}
