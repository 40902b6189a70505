package io.github.mlp4j.bench;

/**
 * A GEMM benchmark case: {@code shape} "MxKxN" and {@code trans} "NN", "TN" or "NT" (op(A), op(B)), and the
 * stored shapes of A and B that give op(A) = M x K and op(B) = K x N.
 */
record GemmShape(int m, int k, int n, boolean transA, boolean transB) {

    static GemmShape parse(String shape, String trans) {
        String[] s = shape.split("x");
        return new GemmShape(Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2]),
                trans.charAt(0) == 'T', trans.charAt(1) == 'T');
    }

    int aRows() { return transA ? k : m; }
    int aCols() { return transA ? m : k; }
    int bRows() { return transB ? n : k; }
    int bCols() { return transB ? k : n; }
}
