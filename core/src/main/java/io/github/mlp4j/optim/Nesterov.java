package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/** Nesterov momentum, PyTorch's form: {@code v = momentum v + g; w -= lr (g + momentum v)}. */
public record Nesterov(float learningRate, float momentum) implements Optimizer {

    public Nesterov {
        Optimizer.requireNonNegative("nesterov learning rate", learningRate);
        Optimizer.requireUnit("nesterov momentum", momentum);
    }

    @Override public int stateCount() { return 1; }

    @Override
    public void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2) {
        b.momentum(w, g, state[0], lr, momentum, true, l1, l2);
    }
}
