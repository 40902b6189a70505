package io.github.mlp4j.bench;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.nn.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many samples per second does one training step of 784-256-128-10 (ReLU, softmax + cross-entropy,
 * SGD 0.1) process, per backend and batch size? One operation is one step exactly as the Trainer runs it:
 * gather the batch on the backend, forward, loss and backpropagation, the SGD update of every parameter.
 * Samples/s = steps/s x batch ({@link Report}). Batch 1 is stochastic gradient descent; 4096 is full-batch
 * gradient descent over the 4,096-row Fashion-MNIST-shaped set; the rest are mini-batches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Flags.VECTOR, Flags.NATIVE, Flags.UNSAFE})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainingStepBenchmark {

    /** Rows of the synthetic training set: Fashion-MNIST's shape (784 features in [0, 1], 10 classes). */
    static final int ROWS = 4096;

    @Param({"vector", "nd4j"})
    public String backend;
    @Param({"1", "8", "32", "128", "512", "1024", "4096"})
    public int batch;

    private Backend b;
    private Network net;
    private List<Parameter> params;
    private Matrix x, y, xb, yb;
    private int[] order;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.get(backend);
        net = Network.builder().input(784).dense(256, Activation.RELU).dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(1).build(b);
        params = net.parameters();
        SplittableRandom rng = new SplittableRandom(2);
        float[] features = new float[ROWS * 784], targets = new float[ROWS * 10];
        order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < 784; j++) {
                features[i * 784 + j] = (float) rng.nextDouble();
            }
            targets[i * 10 + rng.nextInt(10)] = 1f;
            order[i] = i;
        }
        x = b.allocate(ROWS, 784);
        y = b.allocate(ROWS, 10);
        b.upload(features, 0, x);
        b.upload(targets, 0, y);
        xb = b.allocate(batch, 784);
        yb = b.allocate(batch, 10);
    }

    @Benchmark
    public double step() {
        if (cursor + batch > ROWS) {
            cursor = 0;
        }
        b.gatherRows(x, order, cursor, xb);
        b.gatherRows(y, order, cursor, yb);
        cursor += batch;
        net.forward(xb, true);
        double loss = net.lossAndBackward(yb);
        for (int i = 0; i < params.size(); i++) {
            b.sgd(params.get(i).value(), params.get(i).gradient(), 0.1f, 0f, 0f);
        }
        return loss;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        net.close();
        for (Matrix m : new Matrix[] {x, y, xb, yb}) {
            m.close();
        }
        b.close();
    }
}
