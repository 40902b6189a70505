package io.github.mlp4j.train;

/**
 * Stops training when the monitored validation metric has not improved by more than {@code minDelta}
 * for {@code patience} epochs, and (when {@code restoreBest}) puts back the weights of the best epoch.
 */
public record EarlyStopping(Monitor monitor, int patience, double minDelta, boolean restoreBest) {

    /** What is watched: lower loss or higher accuracy is better. */
    public enum Monitor { VALIDATION_LOSS, VALIDATION_ACCURACY }

    public EarlyStopping {
        if (monitor == null || patience < 1 || !(minDelta >= 0)) {
            throw new IllegalArgumentException("early stopping on " + monitor + " with patience " + patience
                    + " and min delta " + minDelta + ": expected a monitor, patience >= 1 and min delta >= 0");
        }
    }

    /** On validation loss, restoring the best weights. */
    public static EarlyStopping onValidationLoss(int patience) {
        return new EarlyStopping(Monitor.VALIDATION_LOSS, patience, 0, true);
    }

    /** On validation accuracy, restoring the best weights. */
    public static EarlyStopping onValidationAccuracy(int patience) {
        return new EarlyStopping(Monitor.VALIDATION_ACCURACY, patience, 0, true);
    }

    /** The monitored value of an epoch. */
    double value(EpochStats s) {
        return monitor == Monitor.VALIDATION_LOSS ? s.validationLoss() : s.validationAccuracy();
    }

    /** Whether {@code candidate} beats {@code best} by more than minDelta. */
    boolean improves(double candidate, double best) {
        return monitor == Monitor.VALIDATION_LOSS ? candidate < best - minDelta : candidate > best + minDelta;
    }
}
