package io.github.mlp4j.nn;

/**
 * The Heaviside step, {@code f(z) = 1} for {@code z >= 0}, else 0: the classic perceptron's output.
 * Its derivative is zero almost everywhere, so backpropagation passes no gradient through it.
 */
public record Step() implements Activation.Elementwise {
    @Override public float apply(float z) { return z >= 0f ? 1f : 0f; }
    @Override public float derivative(float z, float a) { return 0f; }
    @Override public String id() { return "step"; }
}
