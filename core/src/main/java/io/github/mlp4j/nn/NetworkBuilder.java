package io.github.mlp4j.nn;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Network} ({@code Network.builder()}); every setting is checked when {@link #build} is
 * called, with messages that name the layer and the value.
 */
public final class NetworkBuilder {

    private int inputSize = -1;
    private final List<Layer> layers = new ArrayList<>();
    private Loss loss;
    private long seed = Network.DEFAULT_SEED;

    NetworkBuilder() {
    }

    /** Number of input features. */
    public NetworkBuilder input(int features) {
        this.inputSize = features;
        return this;
    }

    /** A dense layer with the default initializer for its activation. */
    public NetworkBuilder dense(int units, Activation activation) {
        return dense(units, activation, null);
    }

    public NetworkBuilder dense(int units, Activation activation, Initializer initializer) {
        layers.add(new Dense(units, activation, initializer));
        return this;
    }

    /** A dropout layer dropping each unit with probability {@code dropRate}. */
    public NetworkBuilder dropout(float dropRate) {
        layers.add(new Dropout(dropRate));
        return this;
    }

    /** Any layer specification. */
    public NetworkBuilder layer(Layer layer) {
        layers.add(layer);
        return this;
    }

    public NetworkBuilder loss(Loss loss) {
        this.loss = loss;
        return this;
    }

    /** Fixes initial weights and dropout masks. */
    public NetworkBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Builds on the backend {@link Backends#get()} picks. */
    public Network build() {
        return build(Backends.get());
    }

    /** Builds on {@code backend}. */
    public Network build(Backend backend) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("Network: input size is " + inputSize
                    + ", expected a positive number of features (call input(n))");
        }
        if (layers.isEmpty() || !(layers.getLast() instanceof Dense)) {
            throw new IllegalArgumentException("Network: the last layer must be dense, giving the outputs; layers: "
                    + layers);
        }
        for (int i = 0; i < layers.size(); i++) {
            switch (layers.get(i)) {
                case Dense d -> {
                    if (d.units() <= 0) {
                        throw new IllegalArgumentException("Dense layer " + i + ": units is " + d.units()
                                + ", expected > 0");
                    }
                    if (d.activation() == null) {
                        throw new IllegalArgumentException("Dense layer " + i + ": activation is null");
                    }
                }
                case Dropout d -> {
                    if (!(d.dropRate() >= 0f && d.dropRate() < 1f)) {
                        throw new IllegalArgumentException("Dropout layer " + i + ": dropRate is " + d.dropRate()
                                + ", expected a value in [0, 1)");
                    }
                }
            }
        }
        if (loss == null) {
            throw new IllegalArgumentException("Network: no loss; call loss(Loss.CATEGORICAL_CROSS_ENTROPY) or another");
        }
        if (loss.onLogits() && !(((Dense) layers.getLast()).activation() instanceof Identity)) {
            throw new IllegalArgumentException("Network: loss " + loss.id() + " takes logits, so the last layer's "
                    + "activation must be identity, not " + ((Dense) layers.getLast()).activation().id());
        }
        return new Network(backend, inputSize, layers, loss, seed);
    }
}
