package io.github.mlp4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.eval.ClassificationReport;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.optim.Sgd;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The right models learn XOR and the circles, in each gradient-descent mode; training is reproducible. */
class TrainerLearnsTest {

    private final Backend b = Backends.get("reference");

    static Stream<GradientDescent> modes() {
        return Stream.of(GradientDescent.fullBatch(), GradientDescent.stochastic(), GradientDescent.miniBatch(2));
    }

    private static double accuracy(Network net, Dataset d) {
        return ClassificationReport.of(net.predictClass(d.features(), d.rows()), d.labels(), 2).accuracy();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void twoLayerNetworkLearnsXor(GradientDescent mode) {
        Network net = Network.builder().input(2).dense(4, Activation.TANH).dense(1, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSS_ENTROPY).seed(3).build(b);
        Trainer t = Trainer.builder().mode(mode).optimizer(new Adam(0.05f)).epochs(mode.mode()
                == GradientDescent.Mode.FULL_BATCH ? 600 : 300).seed(1).build();
        History h = t.fit(net, Toys.xor());
        assertEquals(1.0, accuracy(net, Toys.xor()), "XOR with " + mode + ":\n" + h);
        assertTrue(h.last().trainLoss() < 0.1, "final loss " + h.last().trainLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void hiddenLayerSeparatesConcentricCircles(GradientDescent mode) {
        Dataset circles = Toys.circles(200, 5);
        Network net = Network.builder().input(2).dense(16, Activation.RELU).dense(2, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(9).build(b);
        int epochs = switch (mode.mode()) {
            case FULL_BATCH -> 400;
            case STOCHASTIC -> 20;
            case MINI_BATCH -> 40;
        };
        History h = Trainer.builder().mode(mode).optimizer(new Adam(0.02f)).epochs(epochs).seed(2).build()
                .fit(net, circles);
        assertTrue(accuracy(net, circles) >= 0.98, "circles with " + mode + ": " + accuracy(net, circles) + "\n" + h);
        assertEquals(epochs * mode.iterationsPerEpoch(200), h.last().iterations(), "iterations counted per update");
    }

    @Test
    void sameSeedSameBackendGivesBitIdenticalWeights() {
        float[][][] runs = new float[2][][];
        for (int run = 0; run < 2; run++) {
            Network net = Network.builder().input(2).dense(8, Activation.RELU).dropout(0.25f).dense(2, Activation.SOFTMAX)
                    .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(4).build(Backends.get("reference"));
            Trainer.builder().mode(GradientDescent.miniBatch(16)).optimizer(new Adam(0.01f)).epochs(5).seed(8).build()
                    .fit(net, Toys.circles(100, 1));
            runs[run] = net.snapshot();
        }
        for (int p = 0; p < runs[0].length; p++) {
            assertArrayEquals(runs[0][p], runs[1][p], "parameter " + p);
        }
    }

    @Test
    void lastPartialBatchIsTrainedUnlessDropped() {
        Dataset d = Toys.circles(10, 3);
        for (boolean drop : new boolean[] {false, true}) {
            GradientDescent mode = drop ? GradientDescent.miniBatch(4).droppingLast() : GradientDescent.miniBatch(4);
            Network net = Network.builder().input(2).dense(2, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY)
                    .build(b);
            long[] seen = new long[1];
            History h = Trainer.builder().mode(mode).optimizer(new Sgd(0.1f)).epochs(1).listener(new TrainingListener() {
                @Override
                public void onIteration(int epoch, long iteration, double loss) {
                    seen[0]++;
                }
            }).build().fit(net, d);
            assertEquals(drop ? 2 : 3, seen[0], "updates with dropLast=" + drop);
            assertEquals(drop ? 2 : 3, h.last().iterations());
            assertTrue(h.last().samplesPerSecond() > 0);
        }
    }
}
