package io.github.mlp4j.nn;

/**
 * Leaky ReLU: {@code z} for {@code z > 0}, else {@code slope * z}.
 *
 * @param slope the gradient for negative inputs; finite, in [0, 1)
 */
public record LeakyRelu(float slope) implements Activation.Elementwise {

    public LeakyRelu {
        if (!(slope >= 0f && slope < 1f)) {
            throw new IllegalArgumentException("leaky_relu slope is " + slope + ", expected a value in [0, 1)");
        }
    }

    @Override public float apply(float z) { return z > 0f ? z : slope * z; }
    @Override public float derivative(float z, float a) { return z > 0f ? 1f : slope; }
    @Override public String id() { return "leaky_relu(" + slope + ")"; }
}
