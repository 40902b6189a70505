package io.github.mlp4j.bench;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.data.FashionMnist;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long, in seconds of training, until 784-256-128-10 reaches {@value #TARGET} accuracy on the
 * Fashion-MNIST test set, per backend and gradient-descent mode? One shot per measurement, from fresh
 * weights: whole epochs of training (Adam, at the rate each mode needs), the test accuracy checked after
 * each epoch, evaluation time excluded. Needs Debian's {@code dataset-fashion-mnist}; the setup fails without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Flags.VECTOR, Flags.NATIVE, Flags.UNSAFE, "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class TimeToAccuracyBenchmark {

    static final double TARGET = 0.85;
    static final int MAX_EPOCHS = 200;

    @Param({"vector", "nd4j"})
    public String backend;
    /** full: full batch (Adam 0.01), stochastic (Adam 1e-4), or a mini-batch size (Adam 1e-3). */
    @Param({"stochastic", "128", "full"})
    public String mode;

    private Backend b;
    private Dataset train, test;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FashionMnist.Data d = FashionMnist.load(FashionMnist.DEBIAN_DIR);
        train = d.train();
        test = d.test();
        b = Backends.get(backend);
    }

    @Benchmark
    public double secondsToTarget() {
        Network net = Network.builder().input(784).dense(256, Activation.RELU).dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(1).build(b);
        GradientDescent gd;
        float lr;
        switch (mode) {
            case "full" -> { gd = GradientDescent.fullBatch(); lr = 0.01f; }
            case "stochastic" -> { gd = GradientDescent.stochastic(); lr = 1e-4f; }
            default -> { gd = GradientDescent.miniBatch(Integer.parseInt(mode)); lr = 1e-3f; }
        }
        double seconds = 0;
        TrainingState[] state = {null};
        TrainingListener keep = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats, Supplier<TrainingState> s) {
                state[0] = s.get();
            }
        };
        for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++) {
            // One more epoch, resumed exactly (optimizer state, counters) from the last: the test set is
            // checked between epochs without counting its time.
            seconds += Trainer.builder().mode(gd).optimizer(new Adam(lr)).epochs(epoch).seed(1).listener(keep).build()
                    .resume(net, train, state[0]).last().seconds();
            int[] predicted = net.predictClass(test.features(), test.rows());
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                right += predicted[i] == test.labels()[i] ? 1 : 0;
            }
            if ((double) right / test.rows() >= TARGET) {
                net.close();
                return seconds;
            }
        }
        net.close();
        return Double.POSITIVE_INFINITY;
    }
}
