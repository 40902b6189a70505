package io.github.mlp4j.optim;

/** Multiplies the rate by {@code factor} every {@code everyEpochs} epochs: {@code base * factor^floor(epoch / every)}. */
public record StepDecay(int everyEpochs, float factor) implements LearningRateSchedule {

    public StepDecay {
        if (everyEpochs <= 0 || !(factor > 0f && factor <= 1f)) {
            throw new IllegalArgumentException("step decay: every " + everyEpochs + " epochs by " + factor
                    + ", expected every >= 1 and a factor in (0, 1]");
        }
    }

    @Override
    public float rate(float base, long iteration, int epoch) {
        return (float) (base * Math.pow(factor, epoch / everyEpochs));
    }
}
