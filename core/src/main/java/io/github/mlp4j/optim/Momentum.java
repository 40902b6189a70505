package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/** Momentum (heavy ball), PyTorch's form: {@code v = momentum v + g; w -= lr v}. */
public record Momentum(float learningRate, float momentum) implements Optimizer {

    public Momentum {
        Optimizer.requireNonNegative("momentum learning rate", learningRate);
        Optimizer.requireUnit("momentum coefficient", momentum);
    }

    @Override public int stateCount() { return 1; }

    @Override
    public void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2) {
        b.momentum(w, g, state[0], lr, momentum, false, l1, l2);
    }
}
