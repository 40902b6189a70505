package io.github.mlp4j.nn;

/**
 * Parametric ReLU: {@code z} for {@code z > 0}, else {@code slope_j * z}, with one learned slope per
 * unit j (a 1 x units matrix the layer owns; PyTorch and Keras start it at 0.25 and 0). The gradient
 * flows to the slopes: {@code dL/dslope_j = sum over rows of dL/da * min(z, 0)}.
 */
public record PRelu() implements Activation {

    /** The initial slope, as PyTorch's {@code nn.PReLU}. */
    public static final float INITIAL_SLOPE = 0.25f;

    public static float apply(float z, float slope) { return z > 0f ? z : slope * z; }
    public static float derivative(float z, float slope) { return z > 0f ? 1f : slope; }

    @Override public String id() { return "prelu"; }
}
