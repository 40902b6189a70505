package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/** AdaGrad: {@code G += g^2; w -= lr g / (sqrt(G) + epsilon)}; rates shrink for often-updated weights. */
public record AdaGrad(float learningRate, float epsilon) implements Optimizer {

    public AdaGrad {
        Optimizer.requireNonNegative("adagrad learning rate", learningRate);
        Optimizer.requirePositive("adagrad epsilon", epsilon);
    }

    @Override public int stateCount() { return 1; }

    @Override
    public void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2) {
        b.adagrad(w, g, state[0], lr, epsilon, l1, l2);
    }
}
