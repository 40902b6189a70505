package io.github.mlp4j.bench;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.backend.Matrix;
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
 * How fast does one optimizer update run through a backend, per optimizer? One operation updates the
 * 784 x 256 weights of the training-step network's first layer (and the optimizer's state) from a fixed
 * gradient; parameters per second = operations per second x 200,704. The gradient is uploaded, not written by
 * a GEMM, so the vector backend updates on the calling thread (it splits an update across cores only for a
 * gradient its GEMM wrote in row stripes): this measures the update's kernel, not the split.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Flags.VECTOR, Flags.NATIVE, Flags.UNSAFE})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OptimizerUpdateBenchmark {

    static final int ROWS = 784, COLS = 256;
    private static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam");

    @Param({"vector", "nd4j"})
    public String backend;
    @Param({"sgd", "momentum", "adam"})
    public String optimizer;

    private Backend b;
    private Matrix w, g, s1, s2;
    private int kind, step; // kind: the optimizer's index in OPTIMIZERS, looked up once

    @Setup(Level.Trial)
    public void setUp() {
        kind = OPTIMIZERS.indexOf(optimizer);
        if (kind < 0) {
            throw new IllegalArgumentException("optimizer: " + optimizer + ", expected one of " + OPTIMIZERS);
        }
        b = Backends.get(backend);
        SplittableRandom rng = new SplittableRandom(3);
        w = random(rng, 0.05);
        g = random(rng, 0.01);
        s1 = b.allocate(ROWS, COLS);
        s2 = b.allocate(ROWS, COLS);
        b.fill(s1, 0f);
        b.fill(s2, 0f);
    }

    private Matrix random(SplittableRandom rng, double scale) {
        float[] x = new float[ROWS * COLS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-scale, scale);
        }
        Matrix m = b.allocate(ROWS, COLS);
        b.upload(x, 0, m);
        return m;
    }

    @Benchmark
    public Matrix update() {
        switch (kind) {
            case 0 -> b.sgd(w, g, 1e-3f, 0f, 0f);
            case 1 -> b.momentum(w, g, s1, 1e-3f, 0.9f, false, 0f, 0f);
            default -> b.adam(w, g, s1, s2, 1e-3f, 0.9f, 0.999f, 1e-8f, ++step, 0f, 0f, 0f);
        }
        return w;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Matrix m : new Matrix[] {w, g, s1, s2}) {
            m.close();
        }
        b.close();
    }
}
