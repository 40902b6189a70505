package io.github.mlp4j.train;

import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.LearningRateSchedule;
import io.github.mlp4j.optim.Optimizer;
import io.github.mlp4j.optim.Regularization;
import io.github.mlp4j.optim.Sgd;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link Network} by gradient descent: epochs over a {@link Dataset} in one of the three
 * {@link GradientDescent} modes, with an optimizer, a learning-rate schedule, regularization, optional
 * gradient clipping and early stopping on validation data, reporting to listeners. Its settings are
 * final and print themselves.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()
 *         .mode(GradientDescent.miniBatch(64))
 *         .optimizer(new Adam(1e-3f))
 *         .epochs(10)
 *         .regularization(Regularization.l2(1e-4f))
 *         .earlyStopping(EarlyStopping.onValidationLoss(3))
 *         .validationSplit(0.1)
 *         .seed(7)
 *         .build();
 * History h = trainer.fit(network, train);
 * }</pre>
 *
 * <p>An epoch is one pass over the training set; an iteration is one update (so an epoch has
 * {@link GradientDescent#iterationsPerEpoch} iterations). Each epoch visits the samples in a new
 * order drawn from the seed (full batch keeps the data order: the sum is the same). In steady state a
 * step allocates nothing: batches are gathered on the backend into buffers sized once.
 */
public final class Trainer {

    private final GradientDescent mode;
    private final int epochs;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final Regularization regularization;
    private final EarlyStopping earlyStopping;
    private final double validationSplit;
    private final float clipNorm;
    private final long seed;
    private final List<TrainingListener> listeners;

    private Trainer(Builder b) {
        this.mode = b.mode;
        this.epochs = b.epochs;
        this.optimizer = b.optimizer;
        this.schedule = b.schedule;
        this.regularization = b.regularization;
        this.earlyStopping = b.earlyStopping;
        this.validationSplit = b.validationSplit;
        this.clipNorm = b.clipNorm;
        this.seed = b.seed;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    public GradientDescent mode() { return mode; }
    public int epochs() { return epochs; }
    public Optimizer optimizer() { return optimizer; }
    public LearningRateSchedule schedule() { return schedule; }
    public Regularization regularization() { return regularization; }
    public EarlyStopping earlyStopping() { return earlyStopping; }
    public double validationSplit() { return validationSplit; }
    public float clipNorm() { return clipNorm; }
    public long seed() { return seed; }
    List<TrainingListener> listeners() { return listeners; }

    /** Trains on {@code train}, validating on a split of it when {@link Builder#validationSplit} is set. */
    public History fit(Network network, Dataset train) {
        return resume(network, train, null);
    }

    /** As {@link #fit(Network, Dataset)}, continuing from a checkpoint when {@code from} is not null. */
    public History resume(Network network, Dataset train, TrainingState from) {
        if (validationSplit > 0) {
            Dataset.Split s = train.split(validationSplit, seed ^ 0x5EEDL);
            return resume(network, s.first(), s.second(), from);
        }
        return resume(network, train, null, from);
    }

    /**
     * Trains on {@code train}, evaluating on {@code validation} (may be null) after each epoch.
     *
     * @throws IllegalArgumentException     when the data do not fit the network or the settings
     * @throws TrainingDivergedException when the loss stops being finite
     */
    public History fit(Network network, Dataset train, Dataset validation) {
        return resume(network, train, validation, null);
    }

    /**
     * Continues a run from a checkpoint (when {@code from} is null, as {@link #fit(Network, Dataset, Dataset)}):
     * the network holds the checkpoint's weights, {@code from} the rest. Training goes on from epoch
     * {@code from.epochsDone() + 1} to {@link #epochs()}, and ends with the same weights as an uninterrupted
     * run (same seed and settings; early-stopping counters restart).
     */
    public History resume(Network network, Dataset train, Dataset validation, TrainingState from) {
        check("training", train, network);
        if (validation != null) {
            check("validation", validation, network);
        } else if (earlyStopping != null) {
            throw new IllegalArgumentException("early stopping needs validation data: pass a validation set or set "
                    + "validationSplit");
        }
        mode.batchSizeFor(train.rows());
        try (TrainingRun run = new TrainingRun(this, network, train, validation)) {
            return run.run(from);
        }
    }

    private static void check(String what, Dataset data, Network net) {
        if (data == null) {
            throw new IllegalArgumentException("no " + what + " data");
        }
        if (data.featureCount() != net.inputSize()) {
            throw new IllegalArgumentException(what + " data has " + data.featureCount()
                    + " features, the network's input layer takes " + net.inputSize());
        }
        if (data.targetCount() != net.outputSize()) {
            throw new IllegalArgumentException(what + " data has " + data.targetCount()
                    + " targets per row, the network has " + net.outputSize() + " outputs");
        }
    }

    @Override
    public String toString() {
        return "Trainer[mode=" + mode + ", epochs=" + epochs + ", optimizer=" + optimizer + ", schedule=" + schedule
                + ", regularization=" + regularization + ", earlyStopping=" + earlyStopping + ", validationSplit="
                + validationSplit + ", clipNorm=" + clipNorm + ", seed=" + seed + "]";
    }

    /** Settings for a {@link Trainer}; defaults: mini-batch of 32, 10 epochs, SGD 0.01, constant rate, seed 42. */
    public static final class Builder {
        private GradientDescent mode = GradientDescent.miniBatch(32);
        private int epochs = 10;
        private Optimizer optimizer = new Sgd(0.01f);
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private Regularization regularization = Regularization.none();
        private EarlyStopping earlyStopping;
        private double validationSplit;
        private float clipNorm;
        private long seed = 42L;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {
        }

        public Builder mode(GradientDescent mode) {
            this.mode = java.util.Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Passes over the training data, at least 1. */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs is " + epochs + ", expected at least 1");
            }
            this.epochs = epochs;
            return this;
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = java.util.Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        public Builder regularization(Regularization regularization) {
            this.regularization = java.util.Objects.requireNonNull(regularization, "regularization");
            return this;
        }

        /** Early stopping; needs validation data (given to fit, or {@link #validationSplit}). */
        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        /** Holds out this fraction of the training data (seeded) for validation; 0 for none. */
        public Builder validationSplit(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("validation split is " + fraction + ", expected a value in [0, 1)");
            }
            this.validationSplit = fraction;
            return this;
        }

        /** Rescales all gradients together when their global L2 norm exceeds {@code maxNorm}; 0 for none. */
        public Builder clipNorm(float maxNorm) {
            if (!(maxNorm >= 0f) || Float.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("clip norm is " + maxNorm + ", expected a finite value >= 0");
            }
            this.clipNorm = maxNorm;
            return this;
        }

        /** Fixes the shuffling order and the validation split. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
