package io.github.mlp4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Settings and data that cannot work fail before training starts, naming the value and what was expected. */
class TrainerBadInputTest {

    private final Network net = Network.builder().input(2).dense(3, Activation.SOFTMAX)
            .loss(Loss.CATEGORICAL_CROSS_ENTROPY).build(Backends.get("reference"));

    private static void fails(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void dataThatDoesNotFitTheNetwork() {
        Trainer t = Trainer.builder().build();
        fails("training data has 3 features, the network's input layer takes 2",
                () -> t.fit(net, Dataset.ofClasses(new float[6], 3, new int[] {0, 1}, 3)));
        fails("training data has 2 targets per row, the network has 3 outputs",
                () -> t.fit(net, Dataset.ofClasses(new float[4], 2, new int[] {0, 1}, 2)));
        fails("validation data has 1 features, the network's input layer takes 2",
                () -> t.fit(net, Toys3.data(40), Dataset.ofClasses(new float[2], 1, new int[] {0, 2}, 3)));
    }

    @Test
    void batchSizesAndSettings() {
        fails("batch size is 0 for MINI_BATCH, expected at least 1", () -> GradientDescent.miniBatch(0));
        fails("batch size 64 is larger than the 40 training rows; use a smaller batch or full-batch gradient descent",
                () -> Trainer.builder().mode(GradientDescent.miniBatch(64)).build().fit(net, Toys3.data(40)));
        fails("epochs is 0, expected at least 1", () -> Trainer.builder().epochs(0));
        fails("early stopping needs validation data: pass a validation set or set validationSplit",
                () -> Trainer.builder().earlyStopping(EarlyStopping.onValidationLoss(2)).build().fit(net, Toys3.data(40),
                        null));
        fails("adam learning rate is -0.1, expected a finite value >= 0", () -> new Adam(-0.1f));
        fails("validation split is 1.0, expected a value in [0, 1)", () -> Trainer.builder().validationSplit(1.0));
    }

    /** 3-class data with 2 features. */
    static final class Toys3 {
        static Dataset data(int n) {
            float[] x = new float[2 * n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3;
                x[2 * i] = y[i];
                x[2 * i + 1] = -y[i];
            }
            return Dataset.ofClasses(x, 2, y, 3);
        }
    }
}
