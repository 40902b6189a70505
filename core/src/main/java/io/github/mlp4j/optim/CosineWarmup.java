package io.github.mlp4j.optim;

/**
 * Linear warm-up from 0 to the base rate over {@code warmupIterations}, then cosine annealing down to
 * {@code base * minFactor} at {@code totalIterations}, staying there after.
 */
public record CosineWarmup(long warmupIterations, long totalIterations, float minFactor)
        implements LearningRateSchedule {

    public CosineWarmup {
        if (warmupIterations < 0 || totalIterations <= warmupIterations || !(minFactor >= 0f && minFactor <= 1f)) {
            throw new IllegalArgumentException("cosine schedule: warm-up " + warmupIterations + ", total "
                    + totalIterations + ", min factor " + minFactor
                    + "; expected 0 <= warm-up < total and a factor in [0, 1]");
        }
    }

    @Override
    public float rate(float base, long iteration, int epoch) {
        if (iteration < warmupIterations) {
            return base * (iteration + 1) / (warmupIterations + 1);
        }
        double progress = Math.min(1.0, (double) (iteration - warmupIterations) / (totalIterations - warmupIterations));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (base * (minFactor + (1 - minFactor) * cosine));
    }
}
