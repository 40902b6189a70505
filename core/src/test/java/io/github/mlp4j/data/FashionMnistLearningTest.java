package io.github.mlp4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.eval.ClassificationReport;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.History;
import io.github.mlp4j.train.Trainer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The README's network learns real data: Fashion-MNIST from Debian's {@code dataset-fashion-mnist}
 * (skipped where it is not installed; CI installs it). Trained on a 30,000-image subset (5 epochs) for speed on
 * the reference backend, it must reach 85 % on the full 10,000-image test set.
 */
class FashionMnistLearningTest {

    @Test
    void mlpReaches85PercentOnTheTestSet() throws IOException {
        assumeTrue(FashionMnist.isPresent(FashionMnist.DEBIAN_DIR), "Fashion-MNIST not installed");
        FashionMnist.Data data = FashionMnist.load(FashionMnist.DEBIAN_DIR);
        assertEquals(60_000, data.train().rows());
        assertEquals(10_000, data.test().rows());
        Network net = Network.builder().input(784).dense(256, Activation.RELU).dropout(0.2f).dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(42)
                .build(Backends.get("reference"));
        History h = Trainer.builder().mode(GradientDescent.miniBatch(64)).optimizer(new Adam(1e-3f)).epochs(5).seed(1)
                .build().fit(net, data.train().head(30_000));
        Dataset test = data.test();
        ClassificationReport r = ClassificationReport.of(net.predictClass(test.features(), test.rows()), test.labels(),
                10, FashionMnist.CLASSES);
        System.out.println(h + "\n" + r + "\n" + r.confusionTable());
        assertTrue(r.accuracy() >= 0.85, "test accuracy " + r.accuracy() + "\n" + h);
    }
}
