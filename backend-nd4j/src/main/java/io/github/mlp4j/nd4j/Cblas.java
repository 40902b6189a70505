package io.github.mlp4j.nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsdot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_scopy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sger;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sscal;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The BLAS that ND4J's CPU backend itself calls (OpenBLAS through JavaCPP), on row-major matrices and
 * each matrix's kept pointer. {@code Nd4j.gemm} reaches the same {@code cblas_sgemm} through a custom op
 * that costs 18 us and 4 KB of garbage per call before any arithmetic (measured at 32x64x48, where the
 * multiplication itself takes 1.2 us); calling it here costs neither. CPU only: on CUDA the backend uses
 * ND4J's own calls.
 */
final class Cblas {

    private static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

    private Cblas() {}

    /** c = alpha op(a) op(b) + beta c; with beta 0, c is not read. */
    static void gemm(boolean transA, boolean transB, float alpha, Nd4jMatrix a, Nd4jMatrix b, float beta,
                     Nd4jMatrix c) {
        int k = transA ? a.rows() : a.cols();
        cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, c.rows(), c.cols(), k, alpha,
                a.pointer, a.cols(), b.pointer, b.cols(), beta, c.pointer, c.cols());
    }

    /** m += alpha ones x, adding the row vector x to every row of m (the bias add). */
    static void addToRows(float alpha, FloatPointer ones, Nd4jMatrix x, Nd4jMatrix m) {
        cblas_sger(ROW_MAJOR, m.rows(), m.cols(), alpha, ones, 1, x.pointer, 1, m.pointer, m.cols());
    }

    /** out = ones^T x, the column sums of x. */
    static void sumColumns(FloatPointer ones, Nd4jMatrix x, Nd4jMatrix out) {
        cblas_sgemv(ROW_MAJOR, TRANS, x.rows(), x.cols(), 1f, x.pointer, x.cols(), ones, 1, 0f, out.pointer, 1);
    }

    /** out = x ones, the row sums of x. */
    static void sumRows(FloatPointer ones, Nd4jMatrix x, Nd4jMatrix out) {
        cblas_sgemv(ROW_MAJOR, NO_TRANS, x.rows(), x.cols(), 1f, x.pointer, x.cols(), ones, 1, 0f, out.pointer, 1);
    }

    /** y += alpha x. */
    static void axpy(float alpha, Nd4jMatrix x, Nd4jMatrix y) {
        cblas_saxpy(y.size(), alpha, x.pointer, 1, y.pointer, 1);
    }

    /** x *= alpha. */
    static void scal(float alpha, Nd4jMatrix x) {
        cblas_sscal(x.size(), alpha, x.pointer, 1);
    }

    /** dst = src. */
    static void copy(Nd4jMatrix src, Nd4jMatrix dst) {
        cblas_scopy(dst.size(), src.pointer, 1, dst.pointer, 1);
    }

    /** x . y of floats accumulated in double. */
    static double dotDouble(Nd4jMatrix x, Nd4jMatrix y) {
        return cblas_dsdot(x.size(), x.pointer, 1, y.pointer, 1);
    }
}
