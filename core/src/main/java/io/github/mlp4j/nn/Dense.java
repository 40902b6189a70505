package io.github.mlp4j.nn;

/**
 * A fully connected layer, {@code a = f(x W + b)}, with W of shape inputs x units and b of 1 x units.
 *
 * @param units       number of outputs, > 0
 * @param activation  its activation f
 * @param initializer how W starts; null picks {@link Initializer#forActivation} (He for the ReLU family,
 *                    Xavier otherwise). Biases start at zero.
 */
public record Dense(int units, Activation activation, Initializer initializer) implements Layer {

    @Override
    public int outputSize(int inputSize) {
        return units;
    }

    /** The initializer in effect: the one given, or the default for the activation. */
    public Initializer effectiveInitializer() {
        return initializer != null ? initializer : Initializer.forActivation(activation);
    }
}
