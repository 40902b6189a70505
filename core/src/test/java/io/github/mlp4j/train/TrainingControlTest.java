package io.github.mlp4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.CosineWarmup;
import io.github.mlp4j.optim.ExponentialDecay;
import io.github.mlp4j.optim.InverseTimeDecay;
import io.github.mlp4j.optim.LearningRateSchedule;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.optim.Sgd;
import io.github.mlp4j.optim.StepDecay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stopping, divergence, clipping, schedules and listeners. */
class TrainingControlTest {

    private static Network small(long seed) {
        return Network.builder().input(2).dense(8, Activation.TANH).dense(2, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(seed).build(Backends.get("reference"));
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch() {
        // A tiny, noisy training set and a big learning rate: validation loss soon stops improving.
        Dataset train = Toys.circles(16, 1), validation = Toys.circles(200, 2);
        Network net = small(1);
        List<float[][]> weightsByEpoch = new ArrayList<>();
        History h = Trainer.builder().mode(GradientDescent.fullBatch()).optimizer(new Adam(0.3f)).epochs(500)
                .earlyStopping(new EarlyStopping(EarlyStopping.Monitor.VALIDATION_LOSS, 5, 0, true))
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats stats) {
                        weightsByEpoch.add(net.snapshot());
                    }
                }).build().fit(net, train, validation);
        assertTrue(h.stoppedEarly(), "should stop before 500 epochs:\n" + h);
        int best = h.bestEpoch();
        assertEquals(best + 5, h.epochs().size(), "stops after 5 epochs without improvement");
        double bestLoss = h.epochs().get(best - 1).validationLoss();
        for (EpochStats s : h.epochs()) {
            assertTrue(s.validationLoss() >= bestLoss, "best epoch has the lowest validation loss");
        }
        float[][] now = net.snapshot(), atBest = weightsByEpoch.get(best - 1);
        for (int p = 0; p < now.length; p++) {
            assertArrayEquals(atBest[p], now[p], "weights restored to epoch " + best);
        }
    }

    @Test
    void divergenceStopsWithEpochIterationAndKeepsLastGoodWeights() {
        Network net = Network.builder().input(1).dense(1, Activation.IDENTITY).loss(Loss.MSE).build(Backends.get("reference"));
        float[] x = new float[64], y = new float[64];
        for (int i = 0; i < 64; i++) {
            x[i] = 10f + i;
            y[i] = 3f * x[i];
        }
        List<float[][]> epochEnds = new ArrayList<>();
        epochEnds.add(net.snapshot());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> Trainer.builder()
                .mode(GradientDescent.miniBatch(8)).optimizer(new Sgd(0.05f)).epochs(100).listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats stats) {
                        epochEnds.add(net.snapshot());
                    }
                }).build().fit(net, Dataset.ofTargets(x, 1, y, 1)));
        assertTrue(e.getMessage().startsWith("training diverged at epoch " + e.epoch() + ", iteration " + e.iteration()
                + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("the loss is") || e.getMessage().contains("no longer finite"), e.getMessage());
        assertTrue(Double.isFinite(e.lastFiniteLoss()), e.getMessage());
        float[][] kept = net.snapshot(), lastGood = epochEnds.get(e.epoch() - 1);
        for (int p = 0; p < kept.length; p++) {
            assertArrayEquals(lastGood[p], kept[p], "weights of the end of epoch " + (e.epoch() - 1));
        }
    }

    @Test
    void clippingKeepsTheSameExplodingRunFinite() {
        float[] x = new float[64], y = new float[64];
        for (int i = 0; i < 64; i++) {
            x[i] = 10f + i;
            y[i] = 3f * x[i];
        }
        Network net = Network.builder().input(1).dense(1, Activation.IDENTITY).loss(Loss.MSE).build(Backends.get("reference"));
        History h = Trainer.builder().mode(GradientDescent.miniBatch(8)).optimizer(new Sgd(0.05f)).epochs(20).clipNorm(1f)
                .build().fit(net, Dataset.ofTargets(x, 1, y, 1));
        assertTrue(Double.isFinite(h.last().trainLoss()), h.toString());
    }

    @Test
    void schedulesGiveTheirDocumentedRates() {
        assertEquals(0.1f, LearningRateSchedule.constant().rate(0.1f, 99, 9));
        assertEquals(0.1f * 0.5f * 0.5f, new StepDecay(2, 0.5f).rate(0.1f, 0, 5), 1e-9);
        assertEquals(0.1 * Math.pow(0.9, 3), new ExponentialDecay(0.9f).rate(0.1f, 0, 3), 1e-8);
        assertEquals(0.1 / (1 + 0.5 * 10 / 5.0), new InverseTimeDecay(0.5f, 5).rate(0.1f, 10, 0), 1e-8);
        CosineWarmup cos = new CosineWarmup(9, 109, 0f);
        assertEquals(0.01f, cos.rate(0.1f, 0, 0), 1e-8);    // warm-up: 1/10 of the rate
        assertEquals(0.1f, cos.rate(0.1f, 9, 0), 1e-8);     // top after warm-up
        assertEquals(0.05f, cos.rate(0.1f, 59, 0), 1e-6);   // half way down
        assertEquals(0f, cos.rate(0.1f, 109, 0), 1e-8);     // bottom
    }

    @Test
    void historyRecordsTheScheduledRateAndValidation() {
        List<Double> rates = new ArrayList<>();
        History h = Trainer.builder().mode(GradientDescent.miniBatch(10)).optimizer(new Sgd(0.1f))
                .schedule(new StepDecay(1, 0.5f)).epochs(3).validationSplit(0.25).listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats s) {
                        rates.add(s.learningRate());
                    }
                }).build().fit(small(2), Toys.circles(40, 3));
        assertEquals(List.of(0.1, 0.05, 0.025), rates.stream().map(r -> Math.round(r * 1e6) / 1e6).toList());
        assertTrue(Double.isFinite(h.last().validationLoss()) && h.last().validationAccuracy() >= 0);
        assertEquals(3 * 3, h.last().iterations(), "30 training rows in batches of 10");
    }
}
