package io.github.mlp4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Initializer;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.AdaGrad;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.optim.AdamW;
import io.github.mlp4j.optim.Momentum;
import io.github.mlp4j.optim.Nesterov;
import io.github.mlp4j.optim.Optimizer;
import io.github.mlp4j.optim.Regularization;
import io.github.mlp4j.optim.RmsProp;
import io.github.mlp4j.optim.Sgd;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One update of each optimizer on a one-weight network, against values worked out by hand.
 *
 * <p>Network: p = w x + b with w = 0.5, b = 0; one sample x = 2, y = 3; MSE. Then p = 1, the loss is
 * (1 - 3)^2 = 4, dL/dp = 2 (p - y) = -4, so g_w = -8 and g_b = -4. Learning rate 0.1.
 */
class OptimizerStepTest {

    static Stream<Arguments> steps() {
        double rms = Math.sqrt(0.1 * 64); // RMSProp's E after one step with rho 0.9: (1 - 0.9) g^2
        return Stream.of(
                Arguments.of(new Sgd(0.1f), 0.5 + 0.8, 0.4),
                Arguments.of(new Momentum(0.1f, 0.9f), 0.5 + 0.8, 0.4),                  // v = g on the first step
                Arguments.of(new Nesterov(0.1f, 0.9f), 0.5 + 0.1 * 8 * 1.9, 0.1 * 4 * 1.9), // lr (g + mu g)
                Arguments.of(new AdaGrad(0.1f, 1e-12f), 0.5 + 0.1, 0.1),                    // lr g / |g|
                Arguments.of(new RmsProp(0.1f, 0.9f, 1e-12f), 0.5 + 0.1 * 8 / rms, 0.1 * 4 / Math.sqrt(0.1 * 16)),
                Arguments.of(new Adam(0.1f, 0.9f, 0.999f, 1e-12f), 0.5 + 0.1, 0.1),         // bias-corrected: lr sign(g)
                Arguments.of(new AdamW(0.1f, 0.9f, 0.999f, 1e-12f, 0.1f), 0.5 * (1 - 0.01) + 0.1, 0.1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void oneStepMatchesHandComputedValues(Optimizer optimizer, double w, double b) {
        Network net = Network.builder().input(1).dense(1, Activation.IDENTITY, Initializer.ZEROS).loss(Loss.MSE)
                .build(Backends.get("reference"));
        net.setWeights(0, new float[] {0.5f});
        Trainer.builder().mode(GradientDescent.fullBatch()).optimizer(optimizer).epochs(1).build()
                .fit(net, Dataset.ofTargets(new float[] {2f}, 1, new float[] {3f}, 1));
        assertEquals(w, net.weights(0)[0], 1e-6, optimizer + " weight");
        assertEquals(b, net.biases(0)[0], 1e-6, optimizer + " bias");
    }

    @ParameterizedTest(name = "l1={0} l2={1}")
    @MethodSource("penalties")
    void regularizationAddsItsGradientToWeightsOnly(float l1, float l2, double w) {
        Network net = Network.builder().input(1).dense(1, Activation.IDENTITY, Initializer.ZEROS).loss(Loss.MSE)
                .build(Backends.get("reference"));
        net.setWeights(0, new float[] {0.5f});
        Trainer.builder().mode(GradientDescent.fullBatch()).optimizer(new Sgd(0.1f)).epochs(1)
                .regularization(new Regularization(l1, l2, false)).build()
                .fit(net, Dataset.ofTargets(new float[] {2f}, 1, new float[] {3f}, 1));
        assertEquals(w, net.weights(0)[0], 1e-6);
        assertEquals(0.4, net.biases(0)[0], 1e-6, "biases are not regularized unless asked");
    }

    static Stream<Arguments> penalties() {
        return Stream.of(
                Arguments.of(0.5f, 0f, 0.5 - 0.1 * (-8 + 0.5)),          // L1: + l1 sign(w)
                Arguments.of(0f, 0.5f, 0.5 - 0.1 * (-8 + 0.5 * 0.5)),    // L2: + l2 w
                Arguments.of(0.5f, 0.5f, 0.5 - 0.1 * (-8 + 0.5 + 0.25))); // elastic net: both
    }
}
