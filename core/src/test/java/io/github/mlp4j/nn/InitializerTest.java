package io.github.mlp4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each initializer's sample has the mean, spread and bounds its definition gives. */
class InitializerTest {

    @ParameterizedTest
    @EnumSource(Initializer.class)
    void statisticsMatchTheDefinition(Initializer init) {
        int fanIn = 300, fanOut = 100;
        float[] w = new float[fanIn * fanOut];
        init.fill(w, fanIn, fanOut, new SplittableRandom(1));
        double mean = 0, var = 0, max = 0;
        for (float v : w) {
            mean += v / w.length;
            max = Math.max(max, Math.abs(v));
        }
        for (float v : w) {
            var += (v - mean) * (v - mean) / w.length;
        }
        double limit = switch (init) {
            case SMALL_UNIFORM -> 0.05;
            case XAVIER_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
            case HE_UNIFORM -> Math.sqrt(6.0 / fanIn);
            case LECUN_UNIFORM -> Math.sqrt(3.0 / fanIn);
            default -> Double.NaN;
        };
        double expectedVar = switch (init) {
            case ZEROS -> 0;
            case NORMAL -> 0.05 * 0.05;
            case XAVIER_NORMAL -> 2.0 / (fanIn + fanOut);
            case HE_NORMAL -> 2.0 / fanIn;
            case LECUN_NORMAL -> 1.0 / fanIn;
            default -> limit * limit / 3; // uniform on [-limit, limit]
        };
        assertEquals(0, mean, 0.02 * Math.sqrt(expectedVar) + 1e-12, init + " mean");
        assertEquals(expectedVar, var, 0.03 * expectedVar + 1e-12, init + " variance");
        if (!Double.isNaN(limit)) {
            assertTrue(max <= limit, init + " bound");
        }
    }
}
