package io.github.mlp4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.backend.CheckedBackend;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Sgd;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.Trainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs only on a CUDA build ({@code mvn -Pcuda}) with an NVIDIA device: trains the same network on the
 * GPU and on the reference backend and compares them.
 */
class Nd4jGpuTest {

    @Test
    void gpuTrainsLikeTheReferenceBackend() {
        boolean cuda;
        try {
            cuda = Nd4j.getBackend().getClass().getSimpleName().contains("Cublas");
        } catch (Throwable e) {
            cuda = false;
        }
        assumeTrue(cuda, "no CUDA backend (a CPU build, or no GPU)");
        Dataset d = Nd4jNetworkTest.data();
        Network gpu = Network.builder().input(32).dense(256, Activation.RELU).dense(3, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(4).build(new CheckedBackend(new Nd4jBackend()));
        Network cpu = gpu.to(Backends.get("reference"));
        Trainer t = Trainer.builder().mode(GradientDescent.miniBatch(64)).optimizer(new Sgd(0.1f)).epochs(3).build();
        t.fit(gpu, d);
        t.fit(cpu, d);
        assertArrayEquals(cpu.predict(d.features(), d.rows()), gpu.predict(d.features(), d.rows()), 1e-3f);
    }
}
