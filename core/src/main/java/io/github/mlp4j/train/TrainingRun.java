package io.github.mlp4j.train;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.nn.Parameter;
import io.github.mlp4j.optim.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One {@link Trainer#fit} call: the data uploaded once, batch buffers and optimizer state allocated
 * once, then the epoch loop. Everything is released at the end.
 */
final class TrainingRun implements AutoCloseable {

    /** Rows per forward pass when evaluating validation data (independent of the training batch). */
    private static final int EVAL_CHUNK = 1024;

    private final Trainer t;
    private final Network net;
    private final Backend b;
    private final List<Parameter> params;
    private final Matrix[][] state;
    private final float[] l1, l2;
    private final DeviceData train;
    private final DeviceData validation;
    private final int batch;
    private final int[] order;
    private final List<Matrix> owned = new ArrayList<>();

    TrainingRun(Trainer trainer, Network network, Dataset trainData, Dataset validationData) {
        this.t = trainer;
        this.net = network;
        this.b = network.backend();
        this.params = network.parameters();
        this.batch = trainer.mode().batchSizeFor(trainData.rows());
        this.train = new DeviceData(b, trainData, batch, network, owned);
        this.validation = validationData == null ? null
                : new DeviceData(b, validationData, Math.min(EVAL_CHUNK, validationData.rows()), network, owned);
        this.order = new int[trainData.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int n = params.size();
        state = new Matrix[n][];
        l1 = new float[n];
        l2 = new float[n];
        Regularization reg = trainer.regularization();
        for (int i = 0; i < n; i++) {
            Parameter p = params.get(i);
            state[i] = new Matrix[trainer.optimizer().stateCount()];
            for (int s = 0; s < state[i].length; s++) {
                state[i][s] = own(b.allocate(p.value().rows(), p.value().cols()));
            }
            boolean regularized = p.kind() == Parameter.Kind.WEIGHT || p.kind() == Parameter.Kind.BIAS && reg.biases();
            l1[i] = regularized ? reg.l1() : 0f;
            l2[i] = regularized ? reg.l2() : 0f;
        }
    }

    private Matrix own(Matrix m) {
        owned.add(m);
        return m;
    }

    /** The order of epoch {@code epoch}: a pure function of seed and epoch, so a resumed run draws the same. */
    private void shuffle(int epoch) {
        Dataset.permute(order, new SplittableRandom(t.seed() ^ (epoch * 0x9E3779B97F4A7C15L)));
    }

    private TrainingState state(int epochsDone, long iterations) {
        float[][][] s = new float[state.length][][];
        for (int i = 0; i < state.length; i++) {
            s[i] = new float[state[i].length][];
            for (int j = 0; j < state[i].length; j++) {
                s[i][j] = new float[state[i][j].size()];
                b.download(state[i][j], s[i][j], 0);
            }
        }
        return new TrainingState(epochsDone, iterations, net.trainingPasses(), s);
    }

    private void restore(TrainingState resume) {
        if (resume.optimizerState().length != state.length) {
            throw new IllegalArgumentException("checkpoint has optimizer state for " + resume.optimizerState().length
                    + " parameters, the network has " + state.length);
        }
        for (int i = 0; i < state.length; i++) {
            if (resume.optimizerState()[i].length != state[i].length) {
                throw new IllegalArgumentException("checkpoint has " + resume.optimizerState()[i].length
                        + " optimizer state tensors for " + params.get(i).name() + ", " + t.optimizer() + " keeps "
                        + state[i].length);
            }
            for (int j = 0; j < state[i].length; j++) {
                b.upload(resume.optimizerState()[i][j], 0, state[i][j]);
            }
        }
        net.setTrainingPasses(resume.trainingPasses());
    }

    History run(TrainingState resume) {
        History history = new History();
        int firstEpoch = 1;
        long iteration = 0;
        if (resume != null) {
            restore(resume);
            firstEpoch = resume.epochsDone() + 1;
            iteration = resume.iterations();
        }
        boolean reorder = t.mode().mode() != GradientDescent.Mode.FULL_BATCH;
        EarlyStopping es = t.earlyStopping();
        double best = Double.NaN;
        float[][] bestWeights = null;
        float[][] lastGood = net.snapshot();
        int bestEpoch = 0, sinceBest = 0;
        double lastFinite = Double.NaN;
        for (int epoch = firstEpoch; epoch <= t.epochs(); epoch++) {
            if (reorder) {
                shuffle(epoch);
            }
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0, seen = 0;
            float lr = 0f;
            for (int from = 0; from < order.length; from += batch) {
                int size = Math.min(batch, order.length - from);
                if (size < batch && t.mode().dropLast()) {
                    break;
                }
                DeviceData.Batch xy = train.gather(order, from, size);
                Matrix out = net.forward(xy.x(), true);
                double loss = net.lossAndBackward(xy.y());
                iteration++;
                if (!Double.isFinite(loss)) {
                    net.restore(lastGood);
                    throw new TrainingDivergedException(epoch, iteration, loss, lastFinite);
                }
                lastFinite = loss;
                correct += train.correct(out, order, from, size);
                seen += size;
                lossSum += loss * size;
                lr = t.schedule().rate(t.optimizer().learningRate(), iteration - 1, epoch - 1);
                clip();
                for (int i = 0; i < state.length; i++) {
                    Parameter p = params.get(i);
                    t.optimizer().update(b, p.value(), p.gradient(), state[i], lr, (int) Math.min(iteration,
                            Integer.MAX_VALUE), l1[i], l2[i]);
                }
                for (int l = 0; l < t.listeners().size(); l++) { // indexed: no iterator per step
                    t.listeners().get(l).onIteration(epoch, iteration, loss);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double penalty = penalty();
            double trainAccuracy = train.hasClasses() ? (double) correct / seen : Double.NaN;
            double valLoss = Double.NaN, valAccuracy = Double.NaN;
            if (validation != null) {
                double[] v = validation.evaluate(net);
                valLoss = v[0] + penalty;
                valAccuracy = v[1];
            }
            EpochStats stats = new EpochStats(epoch, iteration, lossSum / seen + penalty, trainAccuracy, valLoss,
                    valAccuracy, lr, seconds, seen / seconds);
            // The epoch's last update may overflow the weights even though its batch loss was finite.
            float[][] weights = net.snapshot();
            if (!Double.isFinite(stats.trainLoss()) || validation != null && !Double.isFinite(valLoss)
                    || !allFinite(weights)) {
                net.restore(lastGood);
                String what = !Double.isFinite(stats.trainLoss()) ? "the epoch's loss is " + stats.trainLoss()
                        : validation != null && !Double.isFinite(valLoss) ? "the validation loss is " + valLoss
                        : "the weights are no longer finite";
                throw new TrainingDivergedException(epoch, iteration, what, lastFinite);
            }
            lastGood = weights;
            history.add(stats);
            int done = epoch;
            long iterationsDone = iteration;
            for (TrainingListener l : t.listeners()) {
                l.onEpoch(stats);
                l.onEpochEnd(stats, () -> state(done, iterationsDone));
            }
            if (es != null) {
                double value = es.value(stats);
                if (bestEpoch == 0 || es.improves(value, best)) {
                    best = value;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    bestWeights = es.restoreBest() ? lastGood : null;
                    history.bestEpoch(epoch);
                } else if (++sinceBest >= es.patience()) {
                    history.stoppedEarly(bestEpoch);
                    break;
                }
            }
        }
        if (bestWeights != null) {
            net.restore(bestWeights);
        }
        return history;
    }

    private static boolean allFinite(float[][] tensors) {
        for (float[] t : tensors) {
            for (float v : t) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Scales every gradient by clip / norm when the global norm exceeds the clip. */
    private void clip() {
        if (t.clipNorm() <= 0f) {
            return;
        }
        double sumSq = 0;
        for (int i = 0; i < params.size(); i++) {
            sumSq += b.sumSquares(params.get(i).gradient());
        }
        double norm = Math.sqrt(sumSq);
        if (norm > t.clipNorm()) {
            float scale = (float) (t.clipNorm() / norm);
            for (int i = 0; i < params.size(); i++) {
                b.addScaled(0f, params.get(i).gradient(), scale, params.get(i).gradient());
            }
        }
    }

    /** The regularization penalty of the current weights: l1 * sum|w| + l2 / 2 * sum w^2. */
    private double penalty() {
        double sum = 0;
        for (int i = 0; i < state.length; i++) {
            Matrix w = params.get(i).value();
            if (l1[i] != 0f) {
                sum += l1[i] * b.sumAbs(w);
            }
            if (l2[i] != 0f) {
                sum += 0.5 * l2[i] * b.sumSquares(w);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        owned.forEach(Matrix::close);
    }
}
