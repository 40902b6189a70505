package io.github.mlp4j.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's ceiling for any float GEMM: fused multiply-adds on the preferred vector species from
 * registers only (12 independent chains per thread, nothing loaded or stored), on 1 and on 2 threads.
 * The report gives each GEMM as a percent of the 2-thread rate measured in the same run; on a shared
 * host that rate itself moves from minute to minute, which is why it is measured rather than quoted.
 * The secondary metric {@code flops} (per second, summed over threads) is the figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Flags.VECTOR})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FmaPeakBenchmark {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Rounds of 12 multiply-adds per call: long enough that the call itself costs nothing. */
    private static final int ROUNDS = 1 << 14;

    /** Floating-point operations done, counted by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counter {
        public long flops;

        @Setup(Level.Iteration)
        public void clean() {
            flops = 0;
        }
    }

    private float x = 0.999999f, y = 1e-7f;

    @Benchmark
    @Threads(1)
    public float oneThread(Counter n) {
        return chains(n);
    }

    @Benchmark
    @Threads(2)
    public float twoThreads(Counter n) {
        return chains(n);
    }

    private float chains(Counter n) {
        FloatVector vx = FloatVector.broadcast(S, x), vy = FloatVector.broadcast(S, y);
        FloatVector a0 = FloatVector.broadcast(S, 1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0,
                a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int i = 0; i < ROUNDS; i++) {
            a0 = a0.fma(vx, vy);
            a1 = a1.fma(vx, vy);
            a2 = a2.fma(vx, vy);
            a3 = a3.fma(vx, vy);
            a4 = a4.fma(vx, vy);
            a5 = a5.fma(vx, vy);
            a6 = a6.fma(vx, vy);
            a7 = a7.fma(vx, vy);
            a8 = a8.fma(vx, vy);
            a9 = a9.fma(vx, vy);
            a10 = a10.fma(vx, vy);
            a11 = a11.fma(vx, vy);
        }
        n.flops += 2L * 12 * ROUNDS * S.length();
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
