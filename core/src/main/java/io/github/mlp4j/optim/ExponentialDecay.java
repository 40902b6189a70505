package io.github.mlp4j.optim;

/** {@code base * gamma^epoch} (PyTorch's {@code ExponentialLR}). */
public record ExponentialDecay(float gamma) implements LearningRateSchedule {

    public ExponentialDecay {
        if (!(gamma > 0f && gamma <= 1f)) {
            throw new IllegalArgumentException("exponential decay gamma is " + gamma + ", expected a value in (0, 1]");
        }
    }

    @Override
    public float rate(float base, long iteration, int epoch) {
        return (float) (base * Math.pow(gamma, epoch));
    }
}
