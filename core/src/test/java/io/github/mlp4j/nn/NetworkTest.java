package io.github.mlp4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.backend.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Building, dropout semantics, parameters, moving between backends, and bad input. */
class NetworkTest {

    private final Backend b = Backends.get("reference");

    private Network mnistShaped() {
        return Network.builder().input(784).dense(256, Activation.RELU).dropout(0.2f).dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(42).build(b);
    }

    @Test
    void describesItselfAndCountsParameters() {
        Network net = mnistShaped();
        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, net.parameterCount());
        assertEquals("Network[784 -> dense 256 relu (he_normal) -> dropout 0.2 -> dense 128 relu (he_normal) -> dense 10 "
                + "softmax (xavier_uniform), loss=categorical_cross_entropy, seed=42, backend=reference, "
                + "parameters=235146]", net.toString());
        assertEquals(6, net.parameters().size());
    }

    @Test
    void initializationIsSeededAndScaledByFanIn() {
        float[] w1 = mnistShaped().weights(0), w2 = mnistShaped().weights(0);
        assertArrayEquals(w1, w2, "same seed, same weights");
        double sumSq = 0;
        for (float v : w1) {
            sumSq += v * v;
        }
        assertEquals(2.0 / 784, sumSq / w1.length, 0.1 * 2.0 / 784, "He normal variance 2 / fan-in");
        assertArrayEquals(new float[256], mnistShaped().biases(0), "biases start at zero");
    }

    @Test
    void dropoutIsInvertedAndOffAtInference() {
        Network net = Network.builder().input(20).dropout(0.5f).dense(1, Activation.IDENTITY, Initializer.ZEROS)
                .loss(Loss.MSE).seed(1).build(b);
        float[] ones = new float[20];
        java.util.Arrays.fill(ones, 1f);
        net.setWeights(1, ones); // output = sum of the (dropped-out) inputs
        float[] x = new float[2000 * 20];
        java.util.Arrays.fill(x, 1f);
        assertArrayEquals(new float[] {20f}, net.predict(ones, 1), "inference: every input passes unscaled");
        Matrix xm = b.allocate(2000, 20);
        b.upload(x, 0, xm);
        float[] out = new float[2000];
        b.download(net.forward(xm, true), out, 0);
        double mean = 0;
        for (float v : out) {
            mean += v / out.length;
            assertEquals(0f, v % 2f, "kept inputs are scaled by 1 / (1 - 0.5) = 2");
        }
        assertEquals(20.0, mean, 0.5, "inverted dropout keeps the expected sum");
    }

    @Test
    void movesToAnotherBackendWithTheSamePredictions() {
        Network net = mnistShaped();
        float[] x = new float[5 * 784];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        Network moved = net.to(Backends.get("reference"));
        assertArrayEquals(net.predict(x, 5), moved.predict(x, 5), 1e-6f);
        assertArrayEquals(net.predictClass(x, 5), moved.predictClass(x, 5));
    }

    @Test
    void badBuildsAndInputsFailWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.builder().input(4)
                .dropout(1f).dense(2, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build(b));
        assertEquals("Dropout layer 0: dropRate is 1.0, expected a value in [0, 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.builder().input(4).dense(2, Activation.RELU)
                .dropout(-0.1f).dense(2, Activation.SOFTMAX).loss(Loss.MSE).build(b));
        assertEquals("Dropout layer 1: dropRate is -0.1, expected a value in [0, 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.builder().input(4).dense(0, Activation.RELU)
                .dense(2, Activation.SOFTMAX).loss(Loss.MSE).build(b));
        assertEquals("Dense layer 0: units is 0, expected > 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.builder().input(4).dense(2, Activation.RELU)
                .build(b));
        assertEquals("Network: no loss; call loss(Loss.CATEGORICAL_CROSS_ENTROPY) or another", e.getMessage());

        Network net = mnistShaped();
        Matrix x = b.allocate(3, 783);
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(x, false));
        assertEquals("Dense layer 0: input has 783 features, expected 784", e.getMessage());
        net.forward(b.allocate(3, 784), true);
        e = assertThrows(IllegalArgumentException.class, () -> net.lossAndBackward(b.allocate(3, 9)));
        assertEquals("target is 3x9, expected 3x10 (the batch's rows x the network's outputs)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.predict(new float[784 * 2 - 1], 2));
        assertEquals("predict: 1567 values for 2 rows, expected 1568 (rows x 784 features)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.setWeights(1, new float[3]));
        assertTrue(e.getMessage().startsWith("layer 1 (Dropout[dropRate=0.2]) has no weights"), e.getMessage());
    }
}
