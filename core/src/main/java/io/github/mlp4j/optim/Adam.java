package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/** Adam with bias correction (Kingma and Ba); defaults beta1 0.9, beta2 0.999, epsilon 1e-8. */
public record Adam(float learningRate, float beta1, float beta2, float epsilon) implements Optimizer {

    public Adam {
        Optimizer.requireNonNegative("adam learning rate", learningRate);
        Optimizer.requireUnit("adam beta1", beta1);
        Optimizer.requireUnit("adam beta2", beta2);
        Optimizer.requirePositive("adam epsilon", epsilon);
    }

    public Adam(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f);
    }

    @Override public int stateCount() { return 2; }

    @Override
    public void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2) {
        b.adam(w, g, state[0], state[1], lr, beta1, beta2, epsilon, step, 0f, l1, l2);
    }
}
