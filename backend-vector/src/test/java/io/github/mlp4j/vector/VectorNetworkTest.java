package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.data.Synthetic;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.Trainer;
import org.junit.jupiter.api.Test;

/** The same model code trains on this backend; a network moves between it and the reference backend intact. */
class VectorNetworkTest {

    @Test
    void trainedHereAndMovedToReferencePredictsTheSame() {
        int n = 256, d = 20;
        Dataset data = Synthetic.threeClasses(n, d, 1);
        float[] x = data.features();
        Network onVector = Network.builder().input(d).dense(32, Activation.RELU).dropout(0.1f).dense(3, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(5).build(Backends.get("vector"));
        Network onReference = onVector.to(Backends.get("reference"));
        Trainer t = Trainer.builder().mode(GradientDescent.miniBatch(32)).optimizer(new Adam(0.01f)).epochs(5).seed(3)
                .build();
        t.fit(onVector, data);
        t.fit(onReference, data);
        // Same model code and seed on both backends: the weights agree up to float rounding.
        float[] pv = onVector.predict(x, n), pr = onReference.predict(x, n);
        assertArrayEquals(pr, pv, 1e-3f, "trained on vector vs trained on reference");
        Network moved = onVector.to(Backends.get("reference"));
        assertArrayEquals(pv, moved.predict(x, n), 1e-5f, "moved from vector to reference");
    }
}
