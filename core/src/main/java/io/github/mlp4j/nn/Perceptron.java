package io.github.mlp4j.nn;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;

/**
 * Rosenblatt's perceptron: one layer of threshold units ({@link Step} for 0/1 targets, {@link Sign}
 * for -1/+1), weights starting at zero, trained one sample at a time by the perceptron learning rule
 * {@code w += lr (y - y_hat) x}, which changes the weights only on mistakes. It converges on linearly
 * separable data and never on XOR, which is why networks have hidden layers.
 *
 * <pre>{@code
 * try (Perceptron p = new Perceptron(backend, 2, 1, Activation.STEP, 1f)) {
 *     Perceptron.Result r = p.train(x, y, 4, 100);  // 4 samples, at most 100 epochs
 * }
 * }</pre>
 */
public final class Perceptron implements AutoCloseable {

    /**
     * How training ended.
     *
     * @param converged           whether an epoch passed without a mistake
     * @param epochs              epochs run
     * @param mistakesInLastEpoch samples misclassified during the last epoch
     */
    public record Result(boolean converged, int epochs, int mistakesInLastEpoch) {
        @Override
        public String toString() {
            return converged ? "converged after " + epochs + " epochs"
                    : "did not converge after " + epochs + " epochs (" + mistakesInLastEpoch
                    + " mistakes in the last); the data may not be linearly separable";
        }
    }

    private final Backend b;
    private final int inputs, outputs;
    private final Activation activation;
    private final float learningRate;
    private final Matrix weights, bias;

    public Perceptron(Backend backend, int inputs, int outputs, Activation activation, float learningRate) {
        if (!(activation instanceof Step || activation instanceof Sign)) {
            throw new IllegalArgumentException("perceptron activation is " + activation.id() + ", expected step or sign");
        }
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("perceptron with " + inputs + " inputs and " + outputs
                    + " outputs; expected at least 1 of each");
        }
        if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("perceptron learning rate is " + learningRate + ", expected > 0");
        }
        this.b = backend;
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.learningRate = learningRate;
        this.weights = b.allocate(inputs, outputs);
        this.bias = b.allocate(1, outputs);
    }

    /**
     * Trains on {@code rows} samples in order, an epoch at a time, until an epoch has no mistake or
     * {@code maxEpochs} have run.
     *
     * @param x rows x inputs, row-major
     * @param y rows x outputs: 0/1 for step, -1/+1 for sign
     */
    public Result train(float[] x, float[] y, int rows, int maxEpochs) {
        if (x.length != (long) rows * inputs || y.length != (long) rows * outputs || rows <= 0) {
            throw new IllegalArgumentException("perceptron: " + x.length + " inputs and " + y.length + " targets for "
                    + rows + " rows, expected " + (long) rows * inputs + " and " + (long) rows * outputs);
        }
        float low = activation instanceof Step ? 0f : -1f;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != low && y[i] != 1f) {
                throw new IllegalArgumentException("perceptron: target " + i % outputs + " of row " + i / outputs + " is "
                        + y[i] + ", expected " + low + " or 1 for " + activation.id());
            }
        }
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i;
        }
        try (Matrix xs = b.allocate(rows, inputs); Matrix ys = b.allocate(rows, outputs);
             Matrix xi = b.allocate(1, inputs); Matrix yi = b.allocate(1, outputs); Matrix z = b.allocate(1, outputs);
             Matrix out = b.allocate(1, outputs); Matrix error = b.allocate(1, outputs)) {
            b.upload(x, 0, xs);
            b.upload(y, 0, ys);
            int mistakes = 0;
            for (int epoch = 1; epoch <= maxEpochs; epoch++) {
                mistakes = 0;
                for (int i = 0; i < rows; i++) {
                    b.gatherRows(xs, index, i, xi);
                    b.gatherRows(ys, index, i, yi);
                    b.gemm(false, false, 1f, xi, weights, 0f, z);
                    b.biasActivation(z, bias, activation, null, out);
                    b.copy(yi, error);
                    b.addScaled(-1f, out, 1f, error); // error = y - y_hat: 0 when right
                    if (b.sumAbs(error) != 0) {
                        mistakes++;
                        b.gemm(true, false, learningRate, xi, error, 1f, weights);
                        b.addScaled(learningRate, error, 1f, bias);
                    }
                }
                if (mistakes == 0) {
                    return new Result(true, epoch, 0);
                }
            }
            return new Result(false, maxEpochs, mistakes);
        }
    }

    /** Outputs (0/1 or -1/+1) for {@code rows} inputs. */
    public float[] predict(float[] x, int rows) {
        if (x.length != (long) rows * inputs || rows <= 0) {
            throw new IllegalArgumentException("perceptron: " + x.length + " inputs for " + rows + " rows, expected "
                    + (long) rows * inputs);
        }
        try (Matrix xs = b.allocate(rows, inputs); Matrix z = b.allocate(rows, outputs);
             Matrix out = b.allocate(rows, outputs)) {
            b.upload(x, 0, xs);
            b.gemm(false, false, 1f, xs, weights, 0f, z);
            b.biasActivation(z, bias, activation, null, out);
            float[] result = new float[rows * outputs];
            b.download(out, result, 0);
            return result;
        }
    }

    /** Weights, inputs x outputs, row-major. */
    public float[] weights() {
        float[] w = new float[inputs * outputs];
        b.download(weights, w, 0);
        return w;
    }

    public float[] bias() {
        float[] out = new float[outputs];
        b.download(bias, out, 0);
        return out;
    }

    @Override
    public void close() {
        weights.close();
        bias.close();
    }

    @Override
    public String toString() {
        return "Perceptron[" + inputs + " -> " + outputs + " " + activation.id() + ", lr=" + learningRate + "]";
    }
}
