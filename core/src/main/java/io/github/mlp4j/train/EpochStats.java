package io.github.mlp4j.train;

/**
 * What one epoch did. Losses include the regularization penalty; accuracies are NaN for regression and
 * validation figures NaN without validation data.
 *
 * @param epoch            1-based
 * @param iterations       updates so far, this epoch's included
 * @param trainLoss        mean over the epoch's batches, weighted by batch size (as Keras reports it)
 * @param trainAccuracy    running accuracy over the epoch's batches (dropout active)
 * @param samplesPerSecond training samples per second of this epoch's training steps
 */
public record EpochStats(int epoch, long iterations, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double learningRate, double seconds, double samplesPerSecond) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "epoch %d: loss %.4f, accuracy %.4f, val loss %.4f, val accuracy %.4f, lr %.3g, %.1f s, %.0f samples/s",
                epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, seconds,
                samplesPerSecond);
    }
}
