package io.github.mlp4j.train;

/**
 * The three gradient-descent modes of the course, by how many samples one update sees:
 * {@link #fullBatch()} (all of them: one update per epoch), {@link #stochastic()} (one: n updates per
 * epoch) and {@link #miniBatch(int)} (b: ceil(n / b) updates per epoch, the last batch smaller unless
 * {@code dropLast}).
 *
 * @param mode      which of the three
 * @param batchSize samples per update for {@link Mode#MINI_BATCH}; 1 for stochastic; 0 (all) for full batch
 * @param dropLast  skip the last, smaller batch of an epoch instead of training on it
 */
public record GradientDescent(Mode mode, int batchSize, boolean dropLast) {

    /** The three modes. */
    public enum Mode { FULL_BATCH, STOCHASTIC, MINI_BATCH }

    public GradientDescent {
        if (mode == null) {
            throw new IllegalArgumentException("gradient descent mode is null");
        }
        int expected = switch (mode) {
            case FULL_BATCH -> 0;
            case STOCHASTIC -> 1;
            case MINI_BATCH -> batchSize;
        };
        if (batchSize != expected || mode == Mode.MINI_BATCH && batchSize < 1) {
            throw new IllegalArgumentException("batch size is " + batchSize + " for " + mode
                    + ", expected " + (mode == Mode.MINI_BATCH ? "at least 1" : String.valueOf(expected)));
        }
    }

    /** Batch gradient descent: each update on the whole training set. */
    public static GradientDescent fullBatch() {
        return new GradientDescent(Mode.FULL_BATCH, 0, false);
    }

    /** Stochastic gradient descent: each update on one sample, in a fresh random order each epoch. */
    public static GradientDescent stochastic() {
        return new GradientDescent(Mode.STOCHASTIC, 1, false);
    }

    /** Mini-batch gradient descent with {@code batchSize} samples per update. */
    public static GradientDescent miniBatch(int batchSize) {
        return new GradientDescent(Mode.MINI_BATCH, batchSize, false);
    }

    /** The same mode, skipping each epoch's last, smaller batch. */
    public GradientDescent droppingLast() {
        return new GradientDescent(mode, batchSize, true);
    }

    /** Samples per update for a training set of {@code rows}; fails when a mini-batch is larger than the data. */
    public int batchSizeFor(int rows) {
        if (mode == Mode.FULL_BATCH) {
            return rows;
        }
        if (batchSize > rows) {
            throw new IllegalArgumentException("batch size " + batchSize + " is larger than the " + rows
                    + " training rows; use a smaller batch or full-batch gradient descent");
        }
        return batchSize;
    }

    /** Updates in one epoch over {@code rows} samples. */
    public long iterationsPerEpoch(int rows) {
        int b = batchSizeFor(rows);
        return dropLast ? rows / b : (rows + b - 1) / b;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case FULL_BATCH -> "full batch";
            case STOCHASTIC -> "stochastic";
            case MINI_BATCH -> "mini-batch of " + batchSize + (dropLast ? ", dropping the last" : "");
        };
    }
}
