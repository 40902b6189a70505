package io.github.mlp4j.nn;

/**
 * The piecewise-linear activation of the course: 0 below -1/2, {@code z + 1/2} in between, 1 above.
 * Derivative 1 on the open interval (-1/2, 1/2), else 0.
 */
public record HardSigmoid() implements Activation.Elementwise {
    @Override public float apply(float z) { return z <= -0.5f ? 0f : z >= 0.5f ? 1f : z + 0.5f; }
    @Override public float derivative(float z, float a) { return z > -0.5f && z < 0.5f ? 1f : 0f; }
    @Override public String id() { return "hard_sigmoid"; }
}
