package io.github.mlp4j.optim;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/**
 * A gradient-descent update rule, from simplest to most elaborate: {@link Sgd}, {@link Momentum},
 * {@link Nesterov}, {@link AdaGrad}, {@link RmsProp}, {@link Adam}, {@link AdamW}. Each is a record
 * of its hyperparameters (they print themselves) that runs one in-place SPI call per parameter.
 */
public sealed interface Optimizer permits Sgd, Momentum, Nesterov, AdaGrad, RmsProp, Adam, AdamW {

    /** The base learning rate; a schedule scales it. */
    float learningRate();

    /** How many state matrices, shaped like the parameter, the rule keeps per parameter. */
    int stateCount();

    /**
     * One update of {@code w}.
     *
     * @param w     modified
     * @param g     not modified; dL/dw without regularization
     * @param state modified; {@link #stateCount()} matrices, zeroed before the first step
     * @param lr    the learning rate for this step (the schedule's)
     * @param step  1-based count of updates so far, this one included
     * @param l1    L1 coefficient for this parameter (0 for none)
     * @param l2    L2 coefficient for this parameter (0 for none)
     */
    void update(Backend b, Matrix w, Matrix g, Matrix[] state, float lr, int step, float l1, float l2);

    /**
     * Parses {@code sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw} with the given learning rate
     * and the usual defaults for the rest.
     */
    static Optimizer parse(String name, float learningRate) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "sgd" -> new Sgd(learningRate);
            case "momentum" -> new Momentum(learningRate, 0.9f);
            case "nesterov" -> new Nesterov(learningRate, 0.9f);
            case "adagrad" -> new AdaGrad(learningRate, 1e-8f);
            case "rmsprop" -> new RmsProp(learningRate, 0.9f, 1e-8f);
            case "adam" -> new Adam(learningRate);
            case "adamw" -> new AdamW(learningRate, 0.01f);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name
                    + "'; expected one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw");
        };
    }

    /** Shared check: a finite, non-negative number. */
    static void requireNonNegative(String what, float v) {
        if (!(v >= 0f) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(what + " is " + v + ", expected a finite value >= 0");
        }
    }

    /** Shared check: a finite, positive number (epsilons: 0 would divide 0 by 0 on a zero gradient). */
    static void requirePositive(String what, float v) {
        if (!(v > 0f) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(what + " is " + v + ", expected a finite value > 0");
        }
    }

    /** Shared check: a value in [0, 1). */
    static void requireUnit(String what, float v) {
        if (!(v >= 0f && v < 1f)) {
            throw new IllegalArgumentException(what + " is " + v + ", expected a value in [0, 1)");
        }
    }
}
