package io.github.mlp4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails at the core boundary with a message naming operation, argument, expected and given. */
class CheckedBackendTest {

    private final Backend b = new CheckedBackend(new ReferenceBackend());

    private static void fails(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void gemmShapes() {
        Matrix a = b.allocate(3, 7), w = b.allocate(7, 4), c = b.allocate(3, 5);
        fails("gemm: C is 3x5, expected 3x4 (op(A) is 3x7, op(B) is 7x4)", () -> b.gemm(false, false, 1, a, w, 0, c));
        fails("gemm: inner dimensions differ: op(A) is 7x3, op(B) is 7x4 (transA=true, transB=false)",
                () -> b.gemm(true, false, 1, a, w, 0, c));
        fails("gemm: alpha is NaN, expected a finite number", () -> b.gemm(false, false, Float.NaN, a, w, 0, c));
        Matrix sq = b.allocate(3, 3);
        fails("gemm: C must not be the same matrix as A", () -> b.gemm(false, false, 1, sq, sq, 0, sq));
    }

    @Test
    void nullClosedAndForeignMatrices() {
        Matrix x = b.allocate(2, 2);
        fails("copy: argument src is null", () -> b.copy(null, x));
        Matrix closed = b.allocate(2, 2);
        closed.close();
        fails("copy: argument dst (2x2) is closed (released)", () -> b.copy(x, closed));
        Matrix foreign = new ReferenceBackend().allocate(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.copy(x, foreign));
        assertEquals(true, e.getMessage().startsWith("copy: argument dst (HeapMatrix[2x2]) was not allocated by backend"),
                e.getMessage());
        fails("allocate: shape 0x5, expected positive rows and cols", () -> b.allocate(0, 5));
        fails("allocate: 100000x100000 has 10000000000 elements, more than the 2147483639 a matrix can hold",
                () -> b.allocate(100_000, 100_000));
    }

    @Test
    void uploadRejectsNaNAndShortArrays() {
        Matrix m = b.allocate(2, 3);
        fails("upload: src[4] is NaN (row 1, col 1 of a 2x3 matrix), expected finite values",
                () -> b.upload(new float[] {0, 0, 0, 0, Float.NaN, 0}, 0, m));
        fails("upload: src[1] is Infinity (row 0, col 0 of a 2x3 matrix), expected finite values",
                () -> b.upload(new float[] {9, Float.POSITIVE_INFINITY, 0, 0, 0, 0, 0}, 1, m));
        fails("upload: src has 5 floats, offset 0, expected room for 6 (a 2x3 matrix)", () -> b.upload(new float[5], 0, m));
        fails("download: dst has 6 floats, offset 1, expected room for 6 (a 2x3 matrix)",
                () -> b.download(m, new float[6], 1));
    }

    @Test
    void layerAndLossShapes() {
        Matrix z = b.allocate(4, 3), a = b.allocate(4, 3);
        fails("biasActivation(relu): bias is 1x4, expected 1x3 (one bias per column of z)",
                () -> b.biasActivation(z, b.allocate(1, 4), Activation.RELU, null, a));
        fails("biasActivation(prelu): argument slopes is null", () -> b.biasActivation(z, b.allocate(1, 3), Activation.PRELU, null, a));
        fails("activationBackward(softmax): gradZ must not be the same matrix as gradA",
                () -> b.activationBackward(Activation.SOFTMAX, z, a, null, a, a, null));
        fails("loss(mse): target is 4x2, expected 4x3 (the shape of prediction)",
                () -> b.loss(Loss.MSE, z, b.allocate(4, 2), null));
        fails("sumColumns: out is 3x1, expected 1x3 (one row of column sums of x)",
                () -> b.sumColumns(z, b.allocate(3, 1)));
    }

    @Test
    void optimizerAndDataArguments() {
        Matrix w = b.allocate(2, 2), g = b.allocate(2, 2);
        fails("sgd: learning rate is NaN, expected a finite value >= 0", () -> b.sgd(w, g, Float.NaN, 0, 0));
        fails("sgd: l1=-1.0, l2=0.0, expected finite values >= 0", () -> b.sgd(w, g, 0.1f, -1, 0));
        fails("momentum: state 0 is 2x3, expected 2x2 (the shape of w)",
                () -> b.momentum(w, g, b.allocate(2, 3), 0.1f, 0.9f, false, 0, 0));
        fails("adam: beta2 is 1.0, expected a value in (0, 1)",
                () -> b.adam(w, g, b.allocate(2, 2), b.allocate(2, 2), 0.1f, 0.9f, 1f, 1e-8f, 1, 0, 0, 0));
        fails("dropoutMask: dropRate is 1.0, expected a value in [0, 1)", () -> b.dropoutMask(w, 1f, 1));
        Matrix src = b.allocate(5, 2);
        fails("gatherRows: indices[1] is 5, expected a row of src in [0, 5)",
                () -> b.gatherRows(src, new int[] {0, 5}, 0, w));
        fails("gatherRows: indices[1 .. 3) is out of bounds for 2 indices",
                () -> b.gatherRows(src, new int[] {0, 1}, 1, w));
        fails("argmaxRows: out has 1 elements, expected at least 2 (one per row of x)", () -> b.argmaxRows(w, new int[1]));
    }
}
