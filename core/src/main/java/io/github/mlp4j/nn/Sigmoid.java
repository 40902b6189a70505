package io.github.mlp4j.nn;

/** The logistic sigmoid, {@code 1 / (1 + e^-z)}; derivative {@code a (1 - a)}. */
public record Sigmoid() implements Activation.Elementwise {
    @Override
    public float apply(float z) {
        // Two branches so that exp never overflows: for very negative z, e^z underflows to 0 instead.
        if (z >= 0f) {
            return (float) (1.0 / (1.0 + Math.exp(-z)));
        }
        double e = Math.exp(z);
        return (float) (e / (1.0 + e));
    }

    @Override public float derivative(float z, float a) { return a * (1f - a); }
    @Override public String id() { return "sigmoid"; }
}
