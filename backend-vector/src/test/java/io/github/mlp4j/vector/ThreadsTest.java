package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * EJML's check: the multi-threaded GEMM equals the single-threaded one, bit for bit, on awkward shapes;
 * and so do the optimizer updates that {@link Stripes} splits.
 */
class ThreadsTest {

    private static final Backend ONE = new VectorBackend(1), TWO = new VectorBackend(2), THREE = new VectorBackend(3);

    @Test
    void splitGemmEqualsSingleThreadedGemm() {
        assertEquals(2, ((VectorBackend) TWO).threads());
        SplittableRandom rng = new SplittableRandom(3);
        // Most shapes are above the size at which a GEMM is split at all (Sgemm.PARALLEL_MIN_MACS), or the
        // test would compare one thread with itself. Up to 256 rows with a large B: in k halves (64x784x256,
        // 100x1001x97, 200x520x300 with 3 k-blocks, 8x2000x600, 13x1025x1000 but A B^T); 257x300x129 by rows;
        // 24x250x1500 A B^T is dot products split by columns. Odd sizes everywhere. The small ones check that
        // small GEMMs stay correct on a multi-thread backend.
        // One row or k = 1 with a large matrix: split in stripes (Gemv), GEMV in chunk sums.
        int[][] shapes = {{257, 300, 129}, {64, 784, 256}, {13, 1025, 1000}, {8, 2000, 600}, {100, 1001, 97},
                {300, 1, 257}, {1, 784, 256}, {33, 65, 31}, {1, 1025, 131}, {517, 1, 131}, {24, 250, 1500},
                {200, 520, 300}};
        long split = java.util.Arrays.stream(shapes).filter(x -> (long) x[0] * x[1] * x[2] >= Sgemm.PARALLEL_MIN_MACS
                && x[1] >= Sgemm.PARALLEL_MIN_K && x[0] > 1).count();
        assertEquals(7, split, "shapes that the multi-threaded backends split");
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

    @Test
    void splitGatherEqualsTheReferenceGather() {
        int rows = 1000, cols = 784, batch = 131; // 102,704 floats gathered: split; 131 rows: a partial row tile
        SplittableRandom rng = new SplittableRandom(7);
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rng.nextDouble();
        }
        int[] order = rng.ints(rows, 0, rows).toArray();
        Backend reference = new io.github.mlp4j.backend.ReferenceBackend();
        float[][] results = new float[3][];
        Backend[] backends = {reference, TWO, THREE};
        for (int b = 0; b < 3; b++) {
            Matrix src = backends[b].allocate(rows, cols), dst = backends[b].allocate(batch, cols);
            backends[b].upload(data, 0, src);
            backends[b].gatherRows(src, order, 17, dst);
            results[b] = new float[batch * cols];
            backends[b].download(dst, results[b], 0);
        }
        assertArrayEquals(results[0], results[1], "2 threads vs the reference");
        assertArrayEquals(results[0], results[2], "3 threads vs the reference");
    }

    @Test
    void splitOptimizerUpdatesEqualOneThread() {
        int rows = 263, cols = 251; // 66,013 floats: above Stripes.MIN_FLOATS, and not a multiple of a vector
        assertEquals(true, rows * cols >= Stripes.MIN_FLOATS);
        SplittableRandom rng = new SplittableRandom(5);
        float[][] init = new float[4][rows * cols];
        for (float[] x : init) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble(-1, 1);
            }
        }
        for (int i = 0; i < init[2].length; i++) {
            init[3][i] = Math.abs(init[3][i]); // second moments are not negative
        }
        for (String optimizer : new String[] {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"}) {
            float[][] results = new float[3][];
            Backend[] backends = {ONE, TWO, THREE};
            for (int b = 0; b < 3; b++) {
                Backend be = backends[b];
                Matrix[] m = new Matrix[4];
                for (int j = 0; j < 4; j++) {
                    m[j] = be.allocate(rows, cols);
                    be.upload(j == 2 ? init[3] : init[j], 0, m[j]);
                }
                Matrix w = m[0], g = m[1], s1 = m[2], s2 = m[3];
                // The gradient as an outer product, as a batch of one makes it: the pool writes it in stripes,
                // and then updates it in stripes too (VectorBackend.written).
                Matrix x = be.allocate(1, rows), y = be.allocate(1, cols);
                be.upload(init[1], 0, x);
                be.upload(init[2], 0, y);
                be.gemm(true, false, 1f, x, y, 0f, g);
                for (int step = 1; step <= 3; step++) {
                    switch (optimizer) {
                        case "sgd" -> be.sgd(w, g, 0.1f, 1e-3f, 1e-2f);
                        case "momentum" -> be.momentum(w, g, s2, 0.1f, 0.9f, false, 1e-3f, 0f);
                        case "nesterov" -> be.momentum(w, g, s2, 0.1f, 0.9f, true, 0f, 1e-2f);
                        case "adagrad" -> be.adagrad(w, g, s1, 0.1f, 1e-8f, 0f, 0f);
                        case "rmsprop" -> be.rmsprop(w, g, s1, 0.1f, 0.9f, 1e-8f, 1e-3f, 1e-2f);
                        default -> be.adam(w, g, s2, s1, 1e-3f, 0.9f, 0.999f, 1e-8f, step, 1e-2f, 1e-3f, 1e-2f);
                    }
                }
                results[b] = new float[3 * rows * cols];
                be.download(w, results[b], 0);
                be.download(s1, results[b], rows * cols);
                be.download(s2, results[b], 2 * rows * cols);
            }
            assertArrayEquals(results[0], results[1], "2 threads vs 1: " + optimizer);
            assertArrayEquals(results[0], results[2], "3 threads vs 1: " + optimizer);
        }
    }

    @Test
    void gemmsFromManyThreadsAtOnceEqualOneThread() throws Exception {
        // Concurrent predictions: callers that find the pool busy compute alone, beside a split GEMM; each
        // needs its own buffers for chunk sums (one row, Gemv) and the second k-half (few rows, Sgemm).
        int[][] shapes = {{1, 784, 256}, {32, 784, 256}, {8, 1000, 300}};
        SplittableRandom rng = new SplittableRandom(9);
        float[][] as = new float[shapes.length][], bs = new float[shapes.length][], expected = new float[shapes.length][];
        for (int s = 0; s < shapes.length; s++) {
            int m = shapes[s][0], k = shapes[s][1], n = shapes[s][2];
            as[s] = new float[m * k];
            bs[s] = new float[k * n];
            for (float[] x : new float[][] {as[s], bs[s]}) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) rng.nextDouble(-1, 1);
                }
            }
            expected[s] = product(ONE, as[s], bs[s], m, k, n);
        }
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(callers.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int s = 0; s < shapes.length; s++) {
                            float[] c = product(TWO, as[s], bs[s], shapes[s][0], shapes[s][1], shapes[s][2]);
                            if (!java.util.Arrays.equals(expected[s], c)) {
                                return java.util.Arrays.toString(shapes[s]) + " differs in round " + round;
                            }
                        }
                    }
                    return "";
                }));
            }
            for (java.util.concurrent.Future<String> f : results) {
                assertEquals("", f.get());
            }
        } finally {
            callers.shutdown();
        }
    }

    private static float[] product(Backend be, float[] a, float[] b, int m, int k, int n) {
        Matrix am = be.allocate(m, k), bm = be.allocate(k, n), cm = be.allocate(m, n);
        be.upload(a, 0, am);
        be.upload(b, 0, bm);
        be.gemm(false, false, 1f, am, bm, 0f, cm);
        float[] c = new float[m * n];
        be.download(cm, c, 0);
        return c;
    }
}
