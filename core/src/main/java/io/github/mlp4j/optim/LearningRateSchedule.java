package io.github.mlp4j.optim;

/**
 * How the learning rate changes during training: {@link #constant()}, {@link StepDecay},
 * {@link ExponentialDecay}, {@link InverseTimeDecay}, {@link CosineWarmup}.
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant, StepDecay, ExponentialDecay, InverseTimeDecay, CosineWarmup {

    /**
     * The rate for the update about to run.
     *
     * @param base      the optimizer's learning rate
     * @param iteration updates done before this one, from 0
     * @param epoch     the current epoch, from 0
     */
    float rate(float base, long iteration, int epoch);

    /** The base rate throughout. */
    record Constant() implements LearningRateSchedule {
        @Override
        public float rate(float base, long iteration, int epoch) {
            return base;
        }
    }

    static LearningRateSchedule constant() {
        return new Constant();
    }
}
