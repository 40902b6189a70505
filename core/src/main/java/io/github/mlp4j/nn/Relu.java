package io.github.mlp4j.nn;

/** The rectified linear unit, {@code max(0, z)}; derivative 1 for {@code z > 0}, else 0. */
public record Relu() implements Activation.Elementwise {
    @Override public float apply(float z) { return z > 0f ? z : 0f; }
    @Override public float derivative(float z, float a) { return z > 0f ? 1f : 0f; }
    @Override public String id() { return "relu"; }
}
