package io.github.mlp4j.data;

import java.util.SplittableRandom;

/** Small, fixed, learnable datasets for tests of every backend module. */
public final class Synthetic {

    private Synthetic() {
    }

    /**
     * {@code n} rows of {@code d} features in [-1, 1) and 3 classes by a linear score (below -0.5, between,
     * above 0.5), the same for a given seed.
     */
    public static Dataset threeClasses(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) rng.nextDouble(-1, 1);
                s += x[i * d + j] * (j % 3 - 1);
            }
            y[i] = s > 0.5 ? 2 : s < -0.5 ? 0 : 1;
        }
        return Dataset.ofClasses(x, d, y, 3);
    }
}
