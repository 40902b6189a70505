package io.github.mlp4j.optim;

/** {@code base / (1 + decayRate * iteration / decaySteps)} (Keras' {@code InverseTimeDecay}). */
public record InverseTimeDecay(float decayRate, int decaySteps) implements LearningRateSchedule {

    public InverseTimeDecay {
        if (!(decayRate >= 0f) || decaySteps <= 0) {
            throw new IllegalArgumentException("inverse-time decay rate " + decayRate + " over " + decaySteps
                    + " steps, expected a rate >= 0 and steps >= 1");
        }
    }

    @Override
    public float rate(float base, long iteration, int epoch) {
        return (float) (base / (1.0 + decayRate * (double) iteration / decaySteps));
    }
}
