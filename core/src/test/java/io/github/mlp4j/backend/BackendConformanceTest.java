package io.github.mlp4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.PRelu;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backend conformance suite: every SPI operation of the backend under test against the
 * {@link ReferenceBackend}, on awkward shapes, plus the gradient checks it inherits. A backend module
 * runs it by extending this class:
 *
 * <pre>{@code
 * class VectorConformanceTest extends BackendConformanceTest {
 *     protected Backend createBackend() { return new VectorBackend(2); }
 * }
 * }</pre>
 *
 * <p>Tolerances grow with the reduction length k: float sums of k terms of magnitude <= 1 may differ
 * by order-of-summation rounding of about k * 2^-24 each.
 */
public abstract class BackendConformanceTest extends BackendGradientChecks {

    @Test
    void allocateIsZeroedAndTransfersRoundTrip() {
        for (int r : SIZES) {
            for (int c : new int[] {1, 3, 13, 64}) {
                Matrix m = matrix(backend, r, c, null);
                assertEquals(r, m.rows());
                assertEquals(c, m.cols());
                assertArrayEquals(new float[r * c], get(backend, m), "fresh " + r + "x" + c);
                float[] x = uniform(r * c + 3, -5f, 5f);
                backend.upload(x, 3, m);
                float[] back = new float[r * c + 2];
                backend.download(m, back, 2);
                for (int i = 0; i < r * c; i++) {
                    assertEquals(x[i + 3], back[i + 2], "round trip " + r + "x" + c + " at " + i);
                }
                Matrix copy = matrix(backend, r, c, null);
                backend.copy(m, copy);
                assertArrayEquals(get(backend, m), get(backend, copy), "copy");
                backend.fill(copy, -2.5f);
                for (float v : get(backend, copy)) {
                    assertEquals(-2.5f, v);
                }
            }
        }
    }

    @Test
    void closeMarksTheMatrixClosed() {
        Matrix m = backend.allocate(2, 3);
        assertTrue(backend.owns(m));
        assertFalse(m.isClosed());
        m.close();
        m.close();
        assertTrue(m.isClosed());
        assertFalse(backend.owns(reference.allocate(2, 3)), "a reference matrix is not this backend's");
    }

    static Stream<Arguments> gemmShapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int m : new int[] {1, 2, 7, 64}) {
            for (int k : new int[] {1, 13, 257}) {
                for (int n : new int[] {1, 7, 64}) {
                    shapes.add(new int[] {m, k, n});
                }
            }
        }
        shapes.add(new int[] {257, 64, 13});
        shapes.add(new int[] {13, 257, 257});
        shapes.add(new int[] {128, 784, 256});
        shapes.add(new int[] {300, 129, 65});
        shapes.add(new int[] {9, 33, 16}); // 16 columns: one 512-bit vector exactly
        return shapes.stream().map(s -> Arguments.of(s[0], s[1], s[2]));
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("gemmShapes")
    void gemmMatchesReferenceForEveryTransposeAndScale(int m, int k, int n) {
        float[][] scales = {{1f, 0f}, {0.5f, 2f}, {-1f, 1f}};
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                float[] a = uniform(m * k, -1f, 1f), b = uniform(k * n, -1f, 1f), c0 = uniform(m * n, -1f, 1f);
                int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
                for (float[] s : scales) {
                    Matrix c = matrix(backend, m, n, c0), rc = matrix(reference, m, n, c0);
                    backend.gemm(transA, transB, s[0], matrix(backend, aRows, aCols, a), matrix(backend, bRows, bCols, b),
                            s[1], c);
                    reference.gemm(transA, transB, s[0], matrix(reference, aRows, aCols, a),
                            matrix(reference, bRows, bCols, b), s[1], rc);
                    String what = "gemm " + m + "x" + k + "x" + n + " transA=" + transA + " transB=" + transB
                            + " alpha=" + s[0] + " beta=" + s[1];
                    assertClose(what, get(reference, rc), get(backend, c), 1e-6 * (k + 8), 1e-5);
                }
            }
        }
    }

    @Test
    void gemmWithBetaZeroIgnoresNaNInC() {
        Matrix c = matrix(backend, 2, 2, null);
        backend.fill(c, Float.NaN);
        backend.gemm(false, false, 1f, matrix(backend, 2, 1, new float[] {1, 2}), matrix(backend, 1, 2, new float[] {3, 4}),
                0f, c);
        assertArrayEquals(new float[] {3, 4, 6, 8}, get(backend, c));
    }

    @Test
    void elementwiseOperationsAndReductionsMatchReference() {
        for (int r : SIZES) {
            for (int c : new int[] {1, 7, 64}) {
                float[] x = uniform(r * c, -3f, 3f), y = uniform(r * c, -3f, 3f);
                String shape = r + "x" + c;
                Matrix bx = matrix(backend, r, c, x), by = matrix(backend, r, c, y);
                Matrix rx = matrix(reference, r, c, x), ry = matrix(reference, r, c, y);
                backend.addScaled(0.5f, bx, -2f, by);
                reference.addScaled(0.5f, rx, -2f, ry);
                assertClose("addScaled " + shape, get(reference, ry), get(backend, by), 1e-6, 1e-6);
                Matrix bo = matrix(backend, r, c, null), ro = matrix(reference, r, c, null);
                backend.hadamard(bx, by, bo);
                reference.hadamard(rx, ry, ro);
                assertClose("hadamard " + shape, get(reference, ro), get(backend, bo), 1e-6, 1e-6);
                backend.hadamard(bx, by, bx);
                assertClose("hadamard in place " + shape, get(reference, ro), get(backend, bx), 1e-6, 1e-6);
                assertEquals(reference.sumSquares(ry), backend.sumSquares(by), 1e-6 * reference.sumSquares(ry) + 1e-9,
                        "sumSquares " + shape);
                assertEquals(reference.sumAbs(ry), backend.sumAbs(by), 1e-6 * reference.sumAbs(ry) + 1e-9,
                        "sumAbs " + shape);
                Matrix bs = matrix(backend, 1, c, null), rs = matrix(reference, 1, c, null);
                backend.sumColumns(by, bs);
                reference.sumColumns(ry, rs);
                assertClose("sumColumns " + shape, get(reference, rs), get(backend, bs), 1e-5 * (r + 8), 1e-5);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void activationsMatchReferenceForwardAndBackward(Activation f) {
        for (int n : SIZES) {
            for (int k : new int[] {1, 10, 13, 37}) { // 37: rows of several vectors and a tail
                String what = f.id() + " " + n + "x" + k;
                float[] z = uniform(n * k, -6f, 6f), bias = uniform(k, -1f, 1f), slopes = uniform(k, 0f, 0.5f);
                float[] gA = uniform(n * k, -1f, 1f);
                Matrix bz = matrix(backend, n, k, z), ba = matrix(backend, n, k, null);
                Matrix rz = matrix(reference, n, k, z), ra = matrix(reference, n, k, null);
                Matrix bS = matrix(backend, 1, k, slopes), rS = matrix(reference, 1, k, slopes);
                backend.biasActivation(bz, matrix(backend, 1, k, bias), f, bS, ba);
                reference.biasActivation(rz, matrix(reference, 1, k, bias), f, rS, ra);
                assertClose(what + " z + bias", get(reference, rz), get(backend, bz), 1e-6, 1e-6);
                assertClose(what + " forward", get(reference, ra), get(backend, ba), 1e-6, 1e-5);

                Matrix bgZ = matrix(backend, n, k, null), rgZ = matrix(reference, n, k, null);
                Matrix bgS = matrix(backend, 1, k, null), rgS = matrix(reference, 1, k, null);
                backend.activationBackward(f, bz, ba, bS, matrix(backend, n, k, gA), bgZ, bgS);
                reference.activationBackward(f, rz, ra, rS, matrix(reference, n, k, gA), rgZ, rgS);
                assertClose(what + " backward", get(reference, rgZ), get(backend, bgZ), 1e-6, 1e-4);
                if (f instanceof PRelu) {
                    assertClose(what + " slope gradient", get(reference, rgS), get(backend, bgS), 1e-5 * (n + 8), 1e-4);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void activationsStayFiniteForExtremeInputs(Activation f) {
        float[] z = {-1e4f, -1000f, -100f, -88.7f, -20f, -1e-30f, 0f, 1e-30f, 20f, 88.7f, 100f, 1000f, 1e4f, 3e38f,
                -3e38f, 0.5f};
        int k = z.length;
        Matrix bz = matrix(backend, 1, k, z), ba = matrix(backend, 1, k, null);
        Matrix rz = matrix(reference, 1, k, z), ra = matrix(reference, 1, k, null);
        float[] slopes = new float[k];
        java.util.Arrays.fill(slopes, PRelu.INITIAL_SLOPE);
        backend.biasActivation(bz, matrix(backend, 1, k, null), f, matrix(backend, 1, k, slopes), ba);
        reference.biasActivation(rz, matrix(reference, 1, k, null), f, matrix(reference, 1, k, slopes), ra);
        float[] got = get(backend, ba);
        assertFinite(f.id() + " of extreme inputs", got);
        assertClose(f.id() + " of extreme inputs", get(reference, ra), got, 1e-6, 1e-5);
    }

    @Test
    void optimizersMatchReferenceOverSeveralSteps() {
        for (int r : new int[] {1, 7, 257}) {
            for (int c : new int[] {1, 13}) {
                for (float[] reg : new float[][] {{0f, 0f}, {1e-3f, 1e-2f}}) {
                    float l1 = reg[0], l2 = reg[1];
                    float[] w = uniform(r * c, -1f, 1f);
                    Matrix[] bw = new Matrix[7], rw = new Matrix[7];
                    for (int i = 0; i < 7; i++) {
                        bw[i] = matrix(backend, r, c, w);
                        rw[i] = matrix(reference, r, c, w);
                    }
                    Matrix[] bs = new Matrix[7], rs = new Matrix[7];
                    for (int i = 0; i < 7; i++) {
                        bs[i] = matrix(backend, r, c, null);
                        rs[i] = matrix(reference, r, c, null);
                    }
                    for (int step = 1; step <= 3; step++) {
                        float[] g = uniform(r * c, -1f, 1f);
                        for (Backend be : new Backend[] {backend, reference}) {
                            Matrix[] W = be == backend ? bw : rw, S = be == backend ? bs : rs;
                            Matrix G = matrix(be, r, c, g);
                            be.sgd(W[0], G, 0.1f, l1, l2);
                            be.momentum(W[1], G, S[0], 0.1f, 0.9f, false, l1, l2);
                            be.momentum(W[2], G, S[1], 0.1f, 0.9f, true, l1, l2);
                            be.adagrad(W[3], G, S[2], 0.1f, 1e-8f, l1, l2);
                            be.rmsprop(W[4], G, S[3], 0.01f, 0.9f, 1e-8f, l1, l2);
                            be.adam(W[5], G, S[4], S[5], 0.01f, 0.9f, 0.999f, 1e-8f, step, 0f, l1, l2);
                            be.adam(W[6], G, S[6], matrix(be, r, c, null), 0.01f, 0.9f, 0.999f, 1e-8f, 1, 0.01f, l1, l2);
                        }
                    }
                    String[] names = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"};
                    for (int i = 0; i < 7; i++) {
                        assertClose(names[i] + " " + r + "x" + c + " l1=" + l1 + " l2=" + l2, get(reference, rw[i]),
                                get(backend, bw[i]), 1e-5, 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void gatherRowsCopiesTheIndexedRows() {
        for (int c : new int[] {1, 13, 784}) {
            float[] src = uniform(257 * c, -1f, 1f);
            int[] idx = new int[40];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = rng.nextInt(257);
            }
            idx[5] = idx[6];
            Matrix bd = matrix(backend, 33, c, null), rd = matrix(reference, 33, c, null);
            backend.gatherRows(matrix(backend, 257, c, src), idx, 7, bd);
            reference.gatherRows(matrix(reference, 257, c, src), idx, 7, rd);
            assertArrayEquals(get(reference, rd), get(backend, bd), "gather " + c + " columns");
        }
    }

    /** Every backend draws the same counter-based mask (CounterRng), so a seeded run trains alike on all. */
    @Test
    void dropoutMaskIsTheReferenceMask() {
        for (int[] shape : new int[][] {{1, 1}, {3, 7}, {257, 13}}) {
            for (float p : new float[] {0f, 0.2f, 0.5f, 0.9f}) {
                for (long seed : new long[] {0L, 42L, -7L}) {
                    Matrix bm = matrix(backend, shape[0], shape[1], null), rm = matrix(reference, shape[0], shape[1], null);
                    backend.dropoutMask(bm, p, seed);
                    reference.dropoutMask(rm, p, seed);
                    assertArrayEquals(get(reference, rm), get(backend, bm),
                            "mask " + shape[0] + "x" + shape[1] + " p=" + p + " seed=" + seed);
                }
            }
        }
    }

    @Test
    void dropoutMaskIsInvertedBernoulliAndSeeded() {
        int rows = 257, cols = 64;
        for (float p : new float[] {0f, 0.2f, 0.5f, 0.9f}) {
            Matrix m1 = matrix(backend, rows, cols, null), m2 = matrix(backend, rows, cols, null);
            Matrix m3 = matrix(backend, rows, cols, null);
            backend.dropoutMask(m1, p, 42L);
            backend.dropoutMask(m2, p, 42L);
            backend.dropoutMask(m3, p, 43L);
            float[] a = get(backend, m1);
            assertArrayEquals(a, get(backend, m2), "same seed, same mask");
            if (p > 0f) {
                assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(get(backend, m3)),
                        "another seed, another mask");
            }
            float keep = 1f / (1f - p);
            int dropped = 0;
            for (float v : a) {
                assertTrue(v == 0f || v == keep, "mask value " + v + ", expected 0 or " + keep);
                dropped += v == 0f ? 1 : 0;
            }
            double n = a.length, sd = Math.sqrt(n * p * (1 - p));
            assertEquals(n * p, dropped, 5 * sd + 1e-9, "dropped count for dropRate " + p);
        }
    }

    @Test
    void argmaxRowsTakesTheFirstMaximum() {
        float[] x = {1, 3, 3, 0, /**/ -1, -2, -3, -4, /**/ 0, 0, 0, 0, /**/ 2, 5, 1, 7};
        int[] out = new int[4];
        backend.argmaxRows(matrix(backend, 4, 4, x), out);
        assertArrayEquals(new int[] {1, 0, 0, 3}, out);
        for (int n : SIZES) {
            float[] y = uniform(n * 10, -1f, 1f);
            int[] got = new int[n], want = new int[n];
            backend.argmaxRows(matrix(backend, n, 10, y), got);
            reference.argmaxRows(matrix(reference, n, 10, y), want);
            assertArrayEquals(want, got, "argmax " + n + "x10");
        }
    }
}
