package io.github.mlp4j.bench;

import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
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
 * The baseline: the same network and step as {@link TrainingStepBenchmark} in DL4J's MultiLayerNetwork
 * (float32, SGD 0.1, one {@code fit(DataSet)} per step on a prepared batch), with the environment that
 * makes DL4J fastest here (set by {@code benchmarks/run}: SkylakeX kernels, one OpenMP thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Flags.NATIVE, Flags.UNSAFE})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Dl4jTrainingBenchmark {

    @Param({"1", "8", "32", "128", "512", "1024", "4096"})
    public int batch;

    private MultiLayerNetwork net;
    private DataSet data;

    @Setup(Level.Trial)
    public void setUp() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .updater(new Sgd(0.1)).weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 10);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        data = new DataSet(x, y);
    }

    @Benchmark
    public MultiLayerNetwork step() {
        net.fit(data);
        return net;
    }
}
