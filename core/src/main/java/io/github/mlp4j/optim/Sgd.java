package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/** Plain gradient descent: {@code w -= lr * g}. */
public record Sgd(float learningRate) implements Optimizer {

    public Sgd {
        Optimizer.requireNonNegative("sgd learning rate", learningRate);
    }

    @Override public int stateCount() { return 0; }

    @Override
    public void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2) {
        b.sgd(w, g, lr, l1, l2);
    }
}
