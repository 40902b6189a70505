package io.github.mlp4j.nn;

/**
 * The sign function, {@code f(z) = 1} for {@code z >= 0}, else -1 (bipolar perceptron output; 0
 * maps to +1 like the step, so a perceptron never outputs 0). Zero derivative almost everywhere.
 */
public record Sign() implements Activation.Elementwise {
    @Override public float apply(float z) { return z >= 0f ? 1f : -1f; }
    @Override public float derivative(float z, float a) { return 0f; }
    @Override public String id() { return "sign"; }
}
