package io.github.mlp4j.train;

/** Callbacks during {@link Trainer#fit}: progress bars, logging, checkpoints. Both default to nothing. */
public interface TrainingListener {

    /** After each update. @param epoch 1-based @param iteration updates so far @param loss the batch loss */
    default void onIteration(int epoch, long iteration, double loss) {
    }

    /** After each epoch, validation included. */
    default void onEpoch(EpochStats stats) {
    }

    /**
     * After {@link #onEpoch}, for checkpoints: {@code state.get()} downloads the optimizer state, so call it
     * only when saving.
     */
    default void onEpochEnd(EpochStats stats, java.util.function.Supplier<TrainingState> state) {
    }
}
