package io.github.mlp4j.nn;

import io.github.mlp4j.backend.Matrix;

/**
 * One trainable tensor of a network with its gradient, both on the network's backend.
 *
 * @param name     e.g. {@code dense0.W}, {@code dense0.b}, {@code dense1.slope}
 * @param kind     what it is, which decides whether regularization applies
 * @param layer    index of its layer in {@link Network#layers()}
 * @param value    the values; modified by optimizers
 * @param gradient dL/dvalue after {@link Network#lossAndBackward}, without regularization terms
 */
public record Parameter(String name, Kind kind, int layer, Matrix value, Matrix gradient) {

    /** Weights are always regularized, biases when asked, PReLU slopes never. */
    public enum Kind { WEIGHT, BIAS, SLOPE }
}
