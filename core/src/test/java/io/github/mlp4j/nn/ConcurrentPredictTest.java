package io.github.mlp4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A trained network serves predict from 8 threads at once with the single-threaded answers. */
public class ConcurrentPredictTest {

    /** 8 threads x 10,000 predictions (in calls of 50 rows), each compared with the single-threaded result. */
    public static void eightThreadsAgreeWithOne(Backend b) throws Exception {
        Network net = Network.builder().input(64).dense(32, Activation.RELU).dropout(0.3f).dense(10, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(2).build(b);
        int rows = 10_000;
        float[] x = new float[rows * 64];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        float[] expected = net.predict(x, rows);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    float[] out = new float[rows * 10];
                    for (int from = 0; from < rows; from += 50) {
                        float[] chunk = java.util.Arrays.copyOfRange(x, from * 64, (from + 50) * 64);
                        System.arraycopy(net.predict(chunk, 50), 0, out, from * 10, 500);
                    }
                    return out;
                }));
            }
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void referenceBackend() throws Exception {
        eightThreadsAgreeWithOne(Backends.get("reference"));
    }
}
