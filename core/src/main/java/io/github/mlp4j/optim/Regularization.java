package io.github.mlp4j.optim;

/**
 * L1, L2 or elastic-net (both) penalties, {@code l1 * sum|w| + l2 / 2 * sum w^2} (DL4J's convention:
 * the gradient is {@code l1 sign(w) + l2 w}), on weights and, when {@code biases} is set, on biases.
 * The trainer includes the penalty in the loss it reports.
 */
public record Regularization(float l1, float l2, boolean biases) {

    public Regularization {
        Optimizer.requireNonNegative("l1", l1);
        Optimizer.requireNonNegative("l2", l2);
    }

    public static Regularization none() { return new Regularization(0f, 0f, false); }
    public static Regularization l1(float l1) { return new Regularization(l1, 0f, false); }
    public static Regularization l2(float l2) { return new Regularization(0f, l2, false); }
    public static Regularization elasticNet(float l1, float l2) { return new Regularization(l1, l2, false); }

    /** The same penalties, applied to biases too. */
    public Regularization includingBiases() {
        return new Regularization(l1, l2, true);
    }

    public boolean isNone() {
        return l1 == 0f && l2 == 0f;
    }
}
