package io.github.mlp4j.vector;

import io.github.mlp4j.data.Dataset;
import java.util.SplittableRandom;

/** 2,048 rows of 64 features in 10 classes, fixed. */
final class SteadyStateTestData {

    private SteadyStateTestData() {
    }

    static Dataset data() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 2048;
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(10);
            for (int j = 0; j < 64; j++) {
                x[i * 64 + j] = (float) rng.nextDouble() + (j % 10 == y[i] ? 0.5f : 0f);
            }
        }
        return Dataset.ofClasses(x, 64, y, 10);
    }
}
