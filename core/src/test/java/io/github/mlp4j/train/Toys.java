package io.github.mlp4j.train;

import io.github.mlp4j.data.Dataset;
import java.util.SplittableRandom;

/** Small classic datasets: the logic gates and two concentric circles. */
final class Toys {

    static final float[] GATE_INPUTS = {0, 0, 0, 1, 1, 0, 1, 1};

    private Toys() {
    }

    static Dataset xor() {
        return Dataset.ofBinary(GATE_INPUTS, 2, new int[] {0, 1, 1, 0});
    }

    /** Points inside radius 0.5 (class 0) and on a ring between 0.8 and 1.1 (class 1), 2 features. */
    static Dataset circles(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double r = y[i] == 0 ? 0.5 * Math.sqrt(rng.nextDouble()) : 0.8 + 0.3 * rng.nextDouble();
            double a = 2 * Math.PI * rng.nextDouble();
            x[2 * i] = (float) (r * Math.cos(a));
            x[2 * i + 1] = (float) (r * Math.sin(a));
        }
        return Dataset.ofClasses(x, 2, y, 2);
    }
}
