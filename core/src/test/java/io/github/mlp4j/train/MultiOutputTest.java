package io.github.mlp4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.eval.RegressionReport;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.optim.Regularization;
import io.github.mlp4j.optim.Sgd;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Several outputs: multi-label sigmoid + binary cross-entropy, and regression with MSE and MAE. */
class MultiOutputTest {

    @Test
    void multiLabelSigmoidOutputsLearnIndependentLabels() {
        // Label 0: x0 > 0; label 1: x1 > 0; label 2: x0 + x1 > 0 — any combination may be on.
        SplittableRandom rng = new SplittableRandom(1);
        int n = 400;
        float[] x = new float[2 * n], y = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float a = (float) rng.nextDouble(-1, 1), b = (float) rng.nextDouble(-1, 1);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[3 * i] = a > 0 ? 1 : 0;
            y[3 * i + 1] = b > 0 ? 1 : 0;
            y[3 * i + 2] = a + b > 0 ? 1 : 0;
        }
        Network net = Network.builder().input(2).dense(16, Activation.TANH).dense(3, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSS_ENTROPY).seed(2).build(Backends.get("reference"));
        Trainer.builder().mode(GradientDescent.miniBatch(16)).optimizer(new Adam(0.02f)).epochs(40).build()
                .fit(net, Dataset.ofTargets(x, 2, y, 3));
        float[] p = net.predict(x, n);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] >= 0.5f ? 1 : 0) == (int) y[i] ? 1 : 0;
        }
        assertTrue(right >= 0.97 * p.length, "per-label accuracy " + right / (double) p.length);
    }

    @Test
    void regressionWithTwoOutputsUnderMseAndMae() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 300;
        float[] x = new float[2 * n], y = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float a = (float) rng.nextDouble(-1, 1), b = (float) rng.nextDouble(-1, 1);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[2 * i] = 2 * a - b + 0.5f;
            y[2 * i + 1] = a * b;
        }
        Dataset d = Dataset.ofTargets(x, 2, y, 2);
        for (Loss loss : new Loss[] {Loss.MSE, Loss.MAE}) {
            Network net = Network.builder().input(2).dense(32, Activation.TANH).dense(2, Activation.IDENTITY).loss(loss)
                    .seed(4).build(Backends.get("reference"));
            Trainer.builder().mode(GradientDescent.miniBatch(16)).optimizer(new Adam(0.01f)).epochs(150).build()
                    .fit(net, d);
            RegressionReport r = RegressionReport.of(net.predict(x, n), y, 2);
            assertTrue(r.r2() > 0.95, loss + ": " + r);
        }
    }

    @Test
    void reportedLossIncludesTheRegularizationPenalty() {
        Dataset d = Dataset.ofTargets(new float[] {1f}, 1, new float[] {2f}, 1);
        Network net = Network.builder().input(1).dense(1, Activation.IDENTITY).loss(Loss.MSE).build(Backends.get("reference"));
        net.setWeights(0, new float[] {0.5f});
        // lr 0: weights stay (w = 0.5, b = 0), so the epoch loss is (0.5 - 2)^2 + 0.2 * 0.5 + 0.3 / 2 * 0.25.
        History h = Trainer.builder().mode(GradientDescent.fullBatch()).optimizer(new Sgd(0f)).epochs(1)
                .regularization(Regularization.elasticNet(0.2f, 0.3f)).build().fit(net, d);
        assertEquals(2.25 + 0.1 + 0.0375, h.last().trainLoss(), 1e-6);
    }
}
