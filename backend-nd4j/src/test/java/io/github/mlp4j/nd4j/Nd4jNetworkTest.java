package io.github.mlp4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.backend.CheckedBackend;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.data.Synthetic;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.ConcurrentPredictTest;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.optim.Sgd;
import io.github.mlp4j.train.EpochStats;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.Trainer;
import io.github.mlp4j.train.TrainingListener;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Model code unchanged on ND4J: training, moving to the reference backend, memory over a long run. */
class Nd4jNetworkTest {

    static Dataset data() {
        return Synthetic.threeClasses(512, 32, 1);
    }

    @Test
    void discoveredBelowVectorAboveReference() {
        var nd4j = Backends.installed().stream().filter(b -> b.name().equals("nd4j")).findFirst().orElseThrow();
        assertEquals(10, nd4j.priority());
        assertTrue(nd4j.availability().available(), nd4j.availability().detail());
        assertEquals("nd4j", Backends.get().name(), "the best available without backend-vector on the class path");
    }

    @Test
    void trainedOnNd4jAndMovedToReferencePredictsTheSame() {
        Dataset d = data();
        Backend nd4j = new CheckedBackend(new Nd4jBackend());
        for (Activation hidden : new Activation[] {Activation.RELU, Activation.TANH, Activation.SIGMOID}) {
            Network onNd4j = Network.builder().input(32).dense(24, hidden).dropout(0.1f).dense(3, Activation.SOFTMAX)
                    .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(4).build(nd4j);
            Network onReference = onNd4j.to(Backends.get("reference"));
            Trainer t = Trainer.builder().mode(GradientDescent.miniBatch(32)).optimizer(new Sgd(0.1f)).epochs(5).seed(2)
                    .build();
            t.fit(onNd4j, d);
            t.fit(onReference, d);
            float[] p = onNd4j.predict(d.features(), d.rows());
            assertArrayEquals(onReference.predict(d.features(), d.rows()), p, 1e-3f, hidden.id() + ": same training");
            assertArrayEquals(p, onNd4j.to(Backends.get("reference")).predict(d.features(), d.rows()), 1e-5f,
                    hidden.id() + ": moved");
        }
    }

    @Test
    void offHeapMemoryStaysFlatOverManyEpochs() {
        Network net = Network.builder().input(32).dense(64, Activation.RELU).dropout(0.2f).dense(3, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(4).build(new CheckedBackend(new Nd4jBackend()));
        long[] bytes = new long[2];
        Trainer.builder().mode(GradientDescent.miniBatch(16)).optimizer(new Adam(1e-3f)).epochs(40).validationSplit(0.1)
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats s) {
                        if (s.epoch() == 5 || s.epoch() == 40) {
                            System.gc();
                            bytes[s.epoch() == 5 ? 0 : 1] = Pointer.totalBytes();
                        }
                    }
                }).build().fit(net, data());
        assertTrue(bytes[0] > 32 * 64 * 4, "JavaCPP tracks the network's buffers: " + bytes[0] + " bytes");
        assertTrue(bytes[1] - bytes[0] < 1 << 20, "off-heap grew from " + bytes[0] + " to " + bytes[1] + " bytes");
    }

    @Test
    void concurrentPredictions() throws Exception {
        ConcurrentPredictTest.eightThreadsAgreeWithOne(new CheckedBackend(new Nd4jBackend()));
    }

    /**
     * A steady-state training step creates no INDArray, data buffer, shape buffer or op context: each of
     * those registers with ND4J's deallocator service, whose id counter is read before and after 1,000
     * steps. Covered: ReLU, dropout, tanh, fused softmax cross-entropy, every optimizer with L1 and L2.
     */
    @Test
    void trainingStepCreatesNoNativeBuffers() {
        for (var optimizer : new io.github.mlp4j.optim.Optimizer[] {new Sgd(0.1f), new io.github.mlp4j.optim.Momentum(
                0.05f, 0.9f), new io.github.mlp4j.optim.AdaGrad(0.01f, 1e-7f), new io.github.mlp4j.optim.RmsProp(1e-3f, 0.9f, 1e-7f),
                new Adam(1e-3f)}) {
            long[] ids = new long[2];
            long[] bytes = new long[2];
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            TrainingListener meter = new TrainingListener() {
                @Override
                public void onIteration(int epoch, long iteration, double loss) {
                    if (iteration == 300 || iteration == 1300) {
                        int i = iteration == 300 ? 0 : 1;
                        ids[i] = Nd4j.getDeallocatorService().nextValue();
                        bytes[i] = threads.getCurrentThreadAllocatedBytes();
                    }
                }
            };
            Network net = Network.builder().input(32).dense(48, Activation.RELU).dropout(0.2f)
                    .dense(32, Activation.TANH).dense(3, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY)
                    .seed(3).build(new Nd4jBackend());
            Trainer.builder().mode(GradientDescent.miniBatch(16)).optimizer(optimizer).epochs(1).listener(meter)
                    .regularization(io.github.mlp4j.optim.Regularization.elasticNet(1e-5f, 1e-4f)).build()
                    .fit(net, Synthetic.threeClasses(1400 * 16, 32, 1));
            net.close();
            long created = ids[1] - ids[0] - 1; // the second read takes an id itself
            System.out.printf("Nd4jNetworkTest: %s: %d native buffers, %.0f heap bytes per step%n", optimizer, created,
                    (bytes[1] - bytes[0]) / 1000.0);
            assertEquals(0, created, optimizer + ": native buffers created in 1,000 steady-state steps");
        }
    }
}
