package io.github.mlp4j.train;

/**
 * The loss became NaN or infinite. The network holds the weights of the end of the last good epoch
 * (or its initial weights when the first epoch diverged).
 */
public final class TrainingDivergedException extends RuntimeException {

    private final int epoch;
    private final long iteration;
    private final double lastFiniteLoss;

    public TrainingDivergedException(int epoch, long iteration, double loss, double lastFiniteLoss) {
        this(epoch, iteration, "the loss is " + loss, lastFiniteLoss);
    }

    /** @param what what stopped being finite, e.g. "the weights are no longer finite" */
    public TrainingDivergedException(int epoch, long iteration, String what, double lastFiniteLoss) {
        super("training diverged at epoch " + epoch + ", iteration " + iteration + ": " + what
                + " (last finite loss " + lastFiniteLoss + "); the weights are those of the end of epoch "
                + (epoch - 1) + (epoch == 1 ? " (the initial weights)" : "")
                + ". Try a smaller learning rate or gradient clipping.");
        this.epoch = epoch;
        this.iteration = iteration;
        this.lastFiniteLoss = lastFiniteLoss;
    }

    /** 1-based epoch in which the loss stopped being finite. */
    public int epoch() { return epoch; }
    /** 1-based update at which it happened. */
    public long iteration() { return iteration; }
    /** The last finite batch loss, NaN if none. */
    public double lastFiniteLoss() { return lastFiniteLoss; }
}
