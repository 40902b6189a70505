package io.github.mlp4j.nn;

/** The hyperbolic tangent; derivative {@code 1 - a^2}. */
public record Tanh() implements Activation.Elementwise {
    @Override public float apply(float z) { return (float) Math.tanh(z); }
    @Override public float derivative(float z, float a) { return 1f - a * a; }
    @Override public String id() { return "tanh"; }
}
