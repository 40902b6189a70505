package io.github.mlp4j.bench;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.backend.Matrix;
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
 * How fast is {@code C = op(A) op(B)} through a backend? Operations per second; {@link Report} turns them
 * into GFLOP/s ({@code 2 M K N} per operation). Shapes are (M, K, N); a dense layer needs A B forward,
 * A^T B for weight gradients (TN) and A B^T for input gradients (NT). Each backend runs in its own fork.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Flags.VECTOR, Flags.NATIVE, Flags.UNSAFE})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBenchmark {

    @Param({"vector", "nd4j"})
    public String backend;
    @Param({"1x784x256", "32x784x256", "128x784x256", "128x256x128", "256x256x256", "512x512x512", "1024x1024x1024"})
    public String shape;
    @Param({"NN", "TN", "NT"})
    public String trans;

    private Backend b;
    private Matrix a, w, c;
    private boolean transA, transB;

    @Setup(Level.Trial)
    public void setUp() {
        GemmShape g = GemmShape.parse(shape, trans);
        transA = g.transA();
        transB = g.transB();
        b = Backends.get(backend);
        a = random(g.aRows(), g.aCols());
        w = random(g.bRows(), g.bCols());
        c = b.allocate(g.m(), g.n());
    }

    private Matrix random(int rows, int cols) {
        float[] x = new float[rows * cols];
        SplittableRandom rng = new SplittableRandom(rows * 31L + cols);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        Matrix m = b.allocate(rows, cols);
        b.upload(x, 0, m);
        return m;
    }

    @Benchmark
    public Matrix gemm() {
        b.gemm(transA, transB, 1f, a, w, 0f, c);
        return c;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        a.close();
        w.close();
        c.close();
        b.close();
    }
}
