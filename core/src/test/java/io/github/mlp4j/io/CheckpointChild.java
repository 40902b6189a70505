package io.github.mlp4j.io;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.train.EpochStats;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.Trainer;
import io.github.mlp4j.train.TrainingListener;
import io.github.mlp4j.train.TrainingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A training process to be killed: trains with a checkpoint after every epoch, resuming from the
 * checkpoint when one exists, and writes {@code final.safetensors} when done. Reference backend, fixed
 * seeds, so every run is the same run.
 */
public final class CheckpointChild {

    static final int EPOCHS = 30;

    static Dataset data() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 256, d = 256;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) rng.nextDouble() + (j % 4 == y[i] ? 0.3f : 0f);
            }
        }
        return Dataset.ofClasses(x, d, y, 4);
    }

    static Network network() {
        // 256 x 512 weights and two Adam states: checkpoints of about 1.6 MB, so kills land inside writes.
        return Network.builder().input(256).dense(512, Activation.RELU).dropout(0.2f).dense(4, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(5).build(Backends.get("reference"));
    }

    static Trainer trainer(TrainingListener... listeners) {
        Trainer.Builder b = Trainer.builder().mode(GradientDescent.miniBatch(64)).optimizer(new Adam(1e-3f))
                .epochs(EPOCHS).seed(6);
        for (TrainingListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]), checkpoint = dir.resolve("checkpoint.safetensors");
        ModelFile.Model resumed = Files.exists(checkpoint) ? ModelFile.load(checkpoint, Backends.get("reference")) : null;
        Network net = resumed == null ? network() : resumed.network();
        trainer(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats, Supplier<TrainingState> state) {
                System.out.println("saving " + stats.epoch());
                System.out.flush();
                try {
                    ModelFile.save(checkpoint, new ModelFile.Model(net, null, null, null, state.get()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                System.out.println("checkpoint " + stats.epoch());
                System.out.flush();
            }
        }).resume(net, data(), resumed == null ? null : resumed.checkpoint());
        ModelFile.save(dir.resolve("final.safetensors"), new ModelFile.Model(net, null, null, null, null));
        System.out.println("done");
    }
}
