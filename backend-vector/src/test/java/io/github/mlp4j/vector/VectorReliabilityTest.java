package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.CheckedBackend;
import io.github.mlp4j.nn.ConcurrentPredictTest;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.SteadyStateTest;
import io.github.mlp4j.train.Trainer;
import org.junit.jupiter.api.Test;

/** The reliability properties the README promises, on this backend. */
class VectorReliabilityTest {

    @Test
    void trainingStepAllocatesNothingAndHeapStaysFlat() {
        double perStep = SteadyStateTest.allocationPerStep(new CheckedBackend(new VectorBackend()));
        assertTrue(perStep < 64, perStep + " bytes per step");
        long growth = SteadyStateTest.heapGrowth(new CheckedBackend(new VectorBackend()));
        assertTrue(growth < 4 << 20, "heap grew by " + growth + " bytes");
    }

    @Test
    void concurrentPredictions() throws Exception {
        ConcurrentPredictTest.eightThreadsAgreeWithOne(new CheckedBackend(new VectorBackend()));
    }

    /** Same seed: bit-identical weights, whatever the thread count (each element of C has one owner). */
    @Test
    void deterministicForASeedAndAnyThreadCount() {
        float[][] first = null;
        for (int threads : new int[] {1, 2, 2, 3}) {
            Backend b = new CheckedBackend(new VectorBackend(threads));
            Network net = Network.builder().input(64).dense(128, io.github.mlp4j.nn.Activation.RELU).dropout(0.2f)
                    .dense(10, io.github.mlp4j.nn.Activation.SOFTMAX)
                    .loss(io.github.mlp4j.nn.Loss.CATEGORICAL_CROSS_ENTROPY).seed(9).build(b);
            Trainer.builder().mode(GradientDescent.miniBatch(64)).optimizer(new Adam(1e-3f)).epochs(2).seed(1).build()
                    .fit(net, SteadyStateTestData.data());
            float[][] w = net.snapshot();
            if (first == null) {
                first = w;
            }
            for (int p = 0; p < w.length; p++) {
                assertArrayEquals(first[p], w[p], threads + " threads, parameter " + p);
            }
        }
    }
}
