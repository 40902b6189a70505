package io.github.mlp4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Metrics against values worked out by hand. */
class ReportsTest {

    @Test
    void classificationMetrics() {
        int[] actual = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2};
        ClassificationReport r = ClassificationReport.of(predicted, actual, 3);
        assertEquals(4 / 6.0, r.accuracy(), 1e-12);
        assertArrayEquals(new long[] {2, 1, 0}, r.confusion()[0]);
        assertEquals(1.0, r.precision(0), 1e-12);
        assertEquals(2 / 3.0, r.recall(0), 1e-12);
        assertEquals(0.5, r.precision(1), 1e-12);
        assertEquals(0.5, r.recall(1), 1e-12);
        assertEquals(0.5, r.precision(2), 1e-12);
        assertEquals(2 * 0.5 / 1.5, r.f1(2), 1e-12);
        assertEquals((0.8 + 0.5 + 2 / 3.0) / 3, r.macroF1(), 1e-12);
    }

    @Test
    void regressionMetrics() {
        RegressionReport r = RegressionReport.of(new float[] {1, 2, 3, 5}, new float[] {1, 2, 3, 4}, 1);
        assertEquals(0.25, r.mse(), 1e-12);
        assertEquals(0.25, r.mae(), 1e-12);
        assertEquals(1 - 1 / 5.0, r.r2(), 1e-12); // SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5
    }
}
