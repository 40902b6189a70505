package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/**
 * AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, {@code w -= lr * weightDecay * w}
 * outside the adaptive step, on every parameter as PyTorch does by default (its default decay is 0.01).
 */
public record AdamW(float learningRate, float beta1, float beta2, float epsilon, float weightDecay)
        implements Optimizer {

    public AdamW {
        Optimizer.requireNonNegative("adamw learning rate", learningRate);
        Optimizer.requireUnit("adamw beta1", beta1);
        Optimizer.requireUnit("adamw beta2", beta2);
        Optimizer.requirePositive("adamw epsilon", epsilon);
        Optimizer.requireNonNegative("adamw weight decay", weightDecay);
    }

    public AdamW(float learningRate, float weightDecay) {
        this(learningRate, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    @Override public int stateCount() { return 2; }

    @Override
    public void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2) {
        b.adam(w, g, state[0], state[1], lr, beta1, beta2, epsilon, step, weightDecay, l1, l2);
    }
}
