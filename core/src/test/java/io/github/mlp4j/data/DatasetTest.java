package io.github.mlp4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Construction checks, splitting, shuffling and scaling. */
class DatasetTest {

    private static void fails(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        fails("dataset: label 10 of row 1 is outside [0, 10)", () -> Dataset.ofClasses(new float[4], 2, new int[] {0, 10}, 10));
        fails("dataset: label -1 of row 0 is outside [0, 2)", () -> Dataset.ofBinary(new float[2], 2, new int[] {-1}));
        fails("dataset is empty (0 rows); expected at least 1", () -> Dataset.ofClasses(new float[0], 2, new int[0], 2));
        fails("dataset: feature 1 of row 1 is NaN; expected finite values",
                () -> Dataset.ofClasses(new float[] {0, 0, 0, Float.NaN}, 2, new int[] {0, 1}, 2));
        fails("dataset: 5 feature values is not a whole number of rows of 2 features",
                () -> Dataset.ofTargets(new float[5], 2, new float[2], 1));
        fails("dataset: 3 labels for 2 rows; expected one per row", () -> Dataset.ofClasses(new float[4], 2, new int[3], 2));
        fails("dataset: target 0 of row 1 is Infinity; expected finite values",
                () -> Dataset.ofTargets(new float[2], 1, new float[] {0, Float.POSITIVE_INFINITY}, 1));
    }

    @Test
    void oneHotTargetsAndSeededDisjointSplits() {
        float[] x = new float[100];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = i % 3;
        }
        Dataset d = Dataset.ofClasses(x, 1, y, 3);
        assertArrayEquals(new float[] {0, 1, 0}, Arrays.copyOfRange(d.targets(), 3, 6));
        Dataset.Split s = d.split(0.2, 7), again = d.split(0.2, 7);
        assertEquals(80, s.first().rows());
        assertEquals(20, s.second().rows());
        assertArrayEquals(s.second().features(), again.second().features(), "seeded");
        float[] all = new float[100];
        System.arraycopy(s.first().features(), 0, all, 0, 80);
        System.arraycopy(s.second().features(), 0, all, 80, 20);
        Arrays.sort(all);
        assertArrayEquals(x, all, "disjoint and complete");
        for (int i = 0; i < 20; i++) {
            assertEquals((int) s.second().features()[i] % 3, s.second().labels()[i], "labels follow their rows");
        }
        fails("split fraction is 1.5, expected a value in (0, 1)", () -> d.split(1.5, 1));
    }

    @Test
    void scalersAreFittedOnTrainAndAppliedUnchanged() {
        Dataset train = Dataset.ofTargets(new float[] {1, 10, 3, 10, 5, 10}, 2, new float[3], 1);
        Scaler std = Scaler.standardize(train);
        float[] t = std.transform(train).features();
        assertEquals(-Math.sqrt(1.5), t[0], 1e-6);   // (1 - 3) / sqrt(8/3)
        assertEquals(0f, t[1], "a constant feature is only shifted");
        Dataset test = Dataset.ofTargets(new float[] {7, 12}, 2, new float[1], 1);
        assertArrayEquals(new float[] {(float) ((7 - 3) / Math.sqrt(8 / 3.0)), 2f}, std.transform(test).features(), 1e-6f);
        Scaler mm = Scaler.minMax(train);
        assertArrayEquals(new float[] {0, 0, 0.5f, 0, 1, 0}, mm.transform(train).features(), 1e-7f);
        assertArrayEquals(new float[] {1.5f, 2f}, mm.transform(test).features(), 1e-7f);
        assertEquals(IntStream.range(0, 3).boxed().toList().size(), train.rows());
    }
}
