package io.github.mlp4j.nn;

/** Softplus, {@code ln(1 + e^z)}, a smooth ReLU; derivative {@code sigmoid(z)}. */
public record Softplus() implements Activation.Elementwise {
    @Override
    public float apply(float z) {
        // max(z, 0) + ln(1 + e^-|z|): never overflows, and exact for large |z|.
        return (float) (Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z))));
    }

    @Override public float derivative(float z, float a) { return ((Sigmoid) Activation.SIGMOID).apply(z); }
    @Override public String id() { return "softplus"; }
}
