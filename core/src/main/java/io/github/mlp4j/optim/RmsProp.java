package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/** RMSProp: {@code E = rho E + (1 - rho) g^2; w -= lr g / (sqrt(E) + epsilon)}. */
public record RmsProp(float learningRate, float rho, float epsilon) implements Optimizer {

    public RmsProp {
        Optimizer.requireNonNegative("rmsprop learning rate", learningRate);
        Optimizer.requireUnit("rmsprop rho", rho);
        Optimizer.requirePositive("rmsprop epsilon", epsilon);
    }

    @Override public int stateCount() { return 1; }

    @Override
    public void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2) {
        b.rmsprop(w, g, state[0], lr, rho, epsilon, l1, l2);
    }
}
