package io.github.mlp4j.nn;

/** The linear (identity) activation, {@code f(z) = z}: regression outputs. */
public record Identity() implements Activation.Elementwise {
    @Override public float apply(float z) { return z; }
    @Override public float derivative(float z, float a) { return 1f; }
    @Override public String id() { return "identity"; }
}
