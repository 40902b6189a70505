package io.github.mlp4j.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * The peer: {@code Nd4j.gemm} called directly on INDArrays, into a preallocated C, with the same shapes as
 * {@link GemmBenchmark}. The ND4J backend should stay within 10 % of it; the vector backend should beat it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Flags.NATIVE, Flags.UNSAFE})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Nd4jGemmBenchmark {

    @Param({"1x784x256", "32x784x256", "128x784x256", "128x256x128", "256x256x256", "512x512x512", "1024x1024x1024"})
    public String shape;
    @Param({"NN", "TN", "NT"})
    public String trans;

    private INDArray a, w, c;
    private boolean transA, transB;

    @Setup(Level.Trial)
    public void setUp() {
        GemmShape g = GemmShape.parse(shape, trans);
        transA = g.transA();
        transB = g.transB();
        a = Nd4j.rand(DataType.FLOAT, g.aRows(), g.aCols());
        w = Nd4j.rand(DataType.FLOAT, g.bRows(), g.bCols());
        c = Nd4j.create(DataType.FLOAT, new long[] {g.m(), g.n()}, 'c');
    }

    @Benchmark
    public INDArray gemm() {
        return Nd4j.gemm(a, w, c, transA, transB, 1.0, 0.0);
    }
}
