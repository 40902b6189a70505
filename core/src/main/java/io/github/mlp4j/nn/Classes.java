package io.github.mlp4j.nn;

/** Turns network outputs into class labels. */
public final class Classes {

    private Classes() {
    }

    /**
     * The class of each of {@code rows} rows of {@code k} outputs: the index of the largest output (the
     * first on ties), or for one output, 1 when it reaches the activation's midpoint (0.5 for sigmoid,
     * step and the others in [0, 1]; 0 for tanh, sign and unbounded outputs) and 0 otherwise.
     */
    public static int[] of(float[] outputs, int rows, int k, Activation outputActivation) {
        int[] classes = new int[rows];
        if (k == 1) {
            float threshold = threshold(outputActivation);
            for (int i = 0; i < rows; i++) {
                classes[i] = outputs[i] >= threshold ? 1 : 0;
            }
            return classes;
        }
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (outputs[i * k + j] > outputs[i * k + best]) {
                    best = j;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    /** The decision threshold for a single output with this activation. */
    public static float threshold(Activation f) {
        return f instanceof Sigmoid || f instanceof Step || f instanceof HardSigmoid || f instanceof Softmax ? 0.5f : 0f;
    }
}
