package io.github.mlp4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The perceptron learns linearly separable problems and provably cannot learn XOR. */
class PerceptronTest {

    private static final float[] X = {0, 0, 0, 1, 1, 0, 1, 1};
    private final Backend b = Backends.get("reference");

    @Test
    void learnsAndAndOr() {
        for (float[] y : new float[][] {{0, 0, 0, 1}, {0, 1, 1, 1}}) {
            try (Perceptron p = new Perceptron(b, 2, 1, Activation.STEP, 1f)) {
                Perceptron.Result r = p.train(X, y, 4, 100);
                assertTrue(r.converged(), r.toString());
                assertArrayEquals(y, p.predict(X, 4));
            }
        }
    }

    @Test
    void startsAtZeroAndUpdatesOnlyOnMistakes() {
        try (Perceptron p = new Perceptron(b, 2, 1, Activation.STEP, 1f)) {
            assertArrayEquals(new float[] {0, 0}, p.weights());
            // One sample the zero perceptron already gets right (step(0) = 1 = target): nothing changes.
            Perceptron.Result r = p.train(new float[] {1, 1}, new float[] {1}, 1, 10);
            assertEquals(new Perceptron.Result(true, 1, 0), r);
            assertArrayEquals(new float[] {0, 0}, p.weights());
            assertArrayEquals(new float[] {0}, p.bias());
        }
    }

    @Test
    void cannotLearnXorAndSaysSo() {
        try (Perceptron p = new Perceptron(b, 2, 1, Activation.STEP, 1f)) {
            Perceptron.Result r = p.train(X, new float[] {0, 1, 1, 0}, 4, 1000);
            assertFalse(r.converged());
            assertEquals(1000, r.epochs());
            assertTrue(r.toString().startsWith("did not converge after 1000 epochs"), r.toString());
        }
    }

    @Test
    void learnsALinearlySeparableSetWithSignOutputsAndSeveralOutputs() {
        // 200 points in 3-D; output 0 is the side of the plane x + 2y - z = 0.3, output 1 of x - y = 0.
        SplittableRandom rng = new SplittableRandom(5);
        int n = 200;
        float[] x = new float[n * 3], y = new float[n * 2];
        for (int i = 0; i < n; i++) {
            float a, c, d;
            do {
                a = (float) rng.nextDouble(-1, 1);
                c = (float) rng.nextDouble(-1, 1);
                d = (float) rng.nextDouble(-1, 1);
            } while (Math.abs(a + 2 * c - d - 0.3f) < 0.05f || Math.abs(a - c) < 0.05f); // a margin
            x[3 * i] = a;
            x[3 * i + 1] = c;
            x[3 * i + 2] = d;
            y[2 * i] = a + 2 * c - d > 0.3f ? 1 : -1;
            y[2 * i + 1] = a - c > 0 ? 1 : -1;
        }
        try (Perceptron p = new Perceptron(b, 3, 2, Activation.SIGN, 0.1f)) {
            Perceptron.Result r = p.train(x, y, n, 1000);
            assertTrue(r.converged(), r.toString());
            assertArrayEquals(y, p.predict(x, n), "100 % training accuracy");
        }
    }

    @Test
    void rejectsTargetsOutsideItsOutputsAndNonThresholdActivations() {
        try (Perceptron p = new Perceptron(b, 2, 1, Activation.STEP, 1f)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.train(X, new float[] {0, 1, -1, 0}, 4, 10));
            assertEquals("perceptron: target 0 of row 2 is -1.0, expected 0.0 or 1 for step", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Perceptron(b, 2, 1, Activation.SIGMOID, 1f));
    }
}
