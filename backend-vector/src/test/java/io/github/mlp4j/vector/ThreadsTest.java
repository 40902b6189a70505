package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** EJML's check: the multi-threaded GEMM equals the single-threaded one, bit for bit, on awkward shapes. */
class ThreadsTest {

    private static final Backend ONE = new VectorBackend(1), TWO = new VectorBackend(2), THREE = new VectorBackend(3);

    @Test
    void splitGemmEqualsSingleThreadedGemm() {
        assertEquals(2, ((VectorBackend) TWO).threads());
        SplittableRandom rng = new SplittableRandom(3);
        // Most shapes are above the size at which a GEMM is split at all (Sgemm.PARALLEL_MIN_MACS), or the
        // test would compare one thread with itself; few rows (split by columns, dot products for A B^T),
        // odd sizes everywhere. The small ones check that small GEMMs stay correct on a multi-thread backend.
        int[][] shapes = {{257, 300, 129}, {64, 784, 256}, {13, 1025, 1000}, {8, 2000, 600}, {100, 1001, 97},
                {300, 1, 257}, {1, 784, 256}, {33, 65, 31}};
        long split = java.util.Arrays.stream(shapes).filter(x -> (long) x[0] * x[1] * x[2] >= Sgemm.PARALLEL_MIN_MACS
                && x[1] >= Sgemm.PARALLEL_MIN_K && x[0] > 1).count();
        assertEquals(5, split, "shapes that the multi-threaded backends split");
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
                for (float[] x : new float[][] {a, b, c}) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (float) rng.nextDouble(-1, 1);
                    }
                }
                float[][] results = new float[3][];
                Backend[] backends = {ONE, TWO, THREE};
                for (int i = 0; i < 3; i++) {
                    Backend be = backends[i];
                    Matrix am = be.allocate(ta ? k : m, ta ? m : k), bm = be.allocate(tb ? n : k, tb ? k : n);
                    Matrix cm = be.allocate(m, n);
                    be.upload(a, 0, am);
                    be.upload(b, 0, bm);
                    be.upload(c, 0, cm);
                    be.gemm(ta, tb, 0.5f, am, bm, 1.5f, cm);
                    results[i] = new float[m * n];
                    be.download(cm, results[i], 0);
                }
                String what = m + "x" + k + "x" + n + " transA=" + ta + " transB=" + tb;
                assertArrayEquals(results[0], results[1], "2 threads vs 1: " + what);
                assertArrayEquals(results[0], results[2], "3 threads vs 1: " + what);
            }
        }
    }
}
