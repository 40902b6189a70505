package io.github.mlp4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates nothing once warm, and many epochs leave the heap where it was. Backend
 * modules run the same checks by calling {@link #allocationPerStep} and {@link #heapGrowth}.
 */
public class SteadyStateTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    static Dataset data(int n) {
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            for (int j = 0; j < 64; j++) {
                x[i * 64 + j] = (float) rng.nextDouble() + (j % 10 == y[i] ? 1 : 0);
            }
        }
        return Dataset.ofClasses(x, 64, y, 10);
    }

    static Network network(Backend b) {
        return Network.builder().input(64).dense(48, Activation.RELU).dropout(0.2f).dense(32, Activation.TANH)
                .dense(10, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(3).build(b);
    }

    /** The first step measured by {@link #allocationPerStep}. */
    private static final int FROM = 2300;

    /**
     * Bytes the training thread allocates per step: the least of four averages over 500 steps each (steps
     * 2300..4300 of one epoch, once the JIT has gone quiet at step 2300). Allocation in the step itself
     * shows in every window; the JIT's transients do not: a kernel deoptimized by a branch it had not seen
     * runs in C1 until C2 recompiles it (up to a second), and C1 code makes every Vector API vector an
     * object (18-120 KB per step, in 1 of 8 runs). The windows start at step 2300, not 300, since the
     * vector backend warms its softmax and exp-based kernels up on first use: in a fresh JVM on 2 busy
     * cores, C2 took them after the former windows in most runs (13-170 KB per step there, 0 from the same
     * JVM's second run on).
     */
    public static double allocationPerStep(Backend b) {
        long[] at = new long[5];
        TrainingListener meter = new TrainingListener() {
            @Override
            public void onIteration(int epoch, long iteration, double loss) {
                if (iteration == FROM) {
                    awaitCompilerIdle();
                }
                if (iteration >= FROM && iteration <= FROM + 2000 && (iteration - FROM) % 500 == 0) {
                    at[(int) (iteration - FROM) / 500] = THREADS.getCurrentThreadAllocatedBytes();
                }
            }
        };
        Trainer.builder().mode(GradientDescent.miniBatch(16)).optimizer(new Adam(1e-3f)).epochs(1).clipNorm(5f)
                .listener(meter).build().fit(network(b), data((FROM + 2100) * 16));
        long least = Long.MAX_VALUE;
        for (int w = 0; w < 4; w++) {
            least = Math.min(least, at[w + 1] - at[w]);
        }
        return least / 500.0;
    }

    /**
     * Waits, up to 30 s, until the JIT has finished no compilation for half a second, so that the windows
     * measure compiled code rather than the queue of a busy machine: with both cores loaded by other
     * processes, C2 took seconds to get to the kernels, and 3 of 6 runs failed at 27-143 KB per step.
     */
    static void awaitCompilerIdle() {
        if (JIT == null || !JIT.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + 30_000_000_000L, last = JIT.getTotalCompilationTime();
        for (int quiet = 0; quiet < 10 && System.nanoTime() < deadline; ) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = JIT.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    /** Heap in use after 40 epochs minus after 5, after garbage collection, in bytes. */
    public static long heapGrowth(Backend b) {
        Network net = network(b);
        Dataset d = data(2000);
        long[] used = new long[2];
        Trainer.builder().mode(GradientDescent.miniBatch(32)).optimizer(new Adam(1e-3f)).epochs(40).validationSplit(0.1)
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats s) {
                        if (s.epoch() == 5 || s.epoch() == 40) {
                            used[s.epoch() == 5 ? 0 : 1] = heapUsed();
                        }
                    }
                }).build().fit(net, d);
        return used[1] - used[0];
    }

    static long heapUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void trainingStepAllocatesNothing() {
        double perStep = allocationPerStep(Backends.get("reference"));
        assertTrue(perStep < 64, perStep + " bytes allocated per training step");
    }

    @Test
    void heapStaysFlatOverManyEpochs() {
        long growth = heapGrowth(Backends.get("reference"));
        System.out.println("SteadyStateTest: heap growth " + growth + " bytes");
        assertTrue(growth < 4 << 20, "heap grew by " + growth + " bytes between epochs 5 and 40");
    }
}
