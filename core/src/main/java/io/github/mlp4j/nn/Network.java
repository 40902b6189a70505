package io.github.mlp4j.nn;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multi-layer perceptron on one backend: dense and dropout layers, a loss, and a seed that fixes
 * the initial weights and every dropout mask.
 *
 * <pre>{@code
 * Network net = Network.builder()
 *         .input(784)
 *         .dense(256, Activation.RELU)
 *         .dropout(0.2f)
 *         .dense(128, Activation.RELU)
 *         .dense(10, Activation.SOFTMAX)
 *         .loss(Loss.CATEGORICAL_CROSS_ENTROPY)
 *         .seed(42)
 *         .build();                      // on Backends.get(); build(backend) to choose
 * int[] classes = net.predictClass(pixels, rows);
 * }</pre>
 *
 * <p>Training goes through {@link #forward} and {@link #lossAndBackward} (the {@code Trainer} calls
 * them), which reuse buffers sized once per batch size. A softmax output with categorical
 * cross-entropy, or a sigmoid output with binary cross-entropy, is trained through the fused loss on
 * logits ({@link Loss#SOFTMAX_CROSS_ENTROPY}, {@link Loss#SIGMOID_CROSS_ENTROPY}).
 *
 * <p>Not thread-safe for training. {@link #predict} and {@link #predictClass} use buffers of their
 * own, so several threads may predict at once while nobody trains.
 */
public final class Network implements AutoCloseable {

    /** The seed used when the builder is given none. */
    public static final long DEFAULT_SEED = 42L;

    private final Backend backend;
    private final int inputSize;
    private final List<Layer> layers;
    private final Loss loss;
    private final Loss trainingLoss;
    private final long seed;
    private final Matrix[] weights, biases, slopes;
    private final List<Parameter> parameters = new ArrayList<>();
    /** Buffers per batch size: a training run uses one or two sizes, so a short list beats a boxed-key map. */
    private final List<Workspace> workspaces = new ArrayList<>();
    private Workspace last;
    private long trainingPasses;

    Network(Backend backend, int inputSize, List<Layer> layers, Loss loss, long seed) {
        this.backend = backend;
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.seed = seed;
        Layer lastLayer = layers.getLast();
        Activation outAct = lastLayer instanceof Dense d ? d.activation() : null;
        this.trainingLoss = outAct instanceof Softmax && loss == Loss.CATEGORICAL_CROSS_ENTROPY
                ? Loss.SOFTMAX_CROSS_ENTROPY
                : outAct instanceof Sigmoid && loss == Loss.BINARY_CROSS_ENTROPY ? Loss.SIGMOID_CROSS_ENTROPY : loss;
        int n = layers.size();
        weights = new Matrix[n];
        biases = new Matrix[n];
        slopes = new Matrix[n];
        SplittableRandom rng = new SplittableRandom(seed);
        int width = inputSize;
        for (int i = 0; i < n; i++) {
            if (layers.get(i) instanceof Dense d) {
                float[] w = new float[width * d.units()];
                d.effectiveInitializer().fill(w, width, d.units(), rng);
                weights[i] = backend.allocate(width, d.units());
                backend.upload(w, 0, weights[i]);
                biases[i] = backend.allocate(1, d.units());
                parameters.add(new Parameter("dense" + i + ".W", Parameter.Kind.WEIGHT, i, weights[i],
                        backend.allocate(width, d.units())));
                parameters.add(new Parameter("dense" + i + ".b", Parameter.Kind.BIAS, i, biases[i],
                        backend.allocate(1, d.units())));
                if (d.activation() instanceof PRelu) {
                    slopes[i] = backend.allocate(1, d.units());
                    backend.fill(slopes[i], PRelu.INITIAL_SLOPE);
                    parameters.add(new Parameter("dense" + i + ".slope", Parameter.Kind.SLOPE, i, slopes[i],
                            backend.allocate(1, d.units())));
                }
            }
            width = layers.get(i).outputSize(width);
        }
    }

    /** A new builder. */
    public static NetworkBuilder builder() {
        return new NetworkBuilder();
    }

    // ---- description --------------------------------------------------------------------------

    public Backend backend() { return backend; }
    public int inputSize() { return inputSize; }
    public List<Layer> layers() { return layers; }
    public Loss loss() { return loss; }
    public long seed() { return seed; }

    /** Number of outputs of the last layer. */
    public int outputSize() {
        return ((Dense) layers.getLast()).units();
    }

    /** Every trainable tensor, in layer order: W, b and (PReLU) slope of each dense layer. */
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return parameters.stream().mapToLong(p -> p.value().size()).sum();
    }

    /** How many training-mode forward passes have run; part of the dropout seed, saved in checkpoints. */
    public long trainingPasses() {
        return trainingPasses;
    }

    /** Restores {@link #trainingPasses()}, so that a resumed run draws the same dropout masks. */
    public void setTrainingPasses(long passes) {
        this.trainingPasses = passes;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Network[").append(inputSize);
        for (Layer l : layers) {
            s.append(" -> ").append(switch (l) {
                case Dense d -> "dense " + d.units() + " " + d.activation().id() + " (" + d.effectiveInitializer().id()
                        + ")";
                case Dropout d -> "dropout " + d.dropRate();
            });
        }
        return s.append(", loss=").append(loss.id()).append(", seed=").append(seed).append(", backend=")
                .append(backend.name()).append(", parameters=").append(parameterCount()).append(']').toString();
    }

    // ---- parameters as float arrays -----------------------------------------------------------

    private Matrix dense(Matrix[] group, int layer, String what) {
        if (layer < 0 || layer >= layers.size()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist; the network has " + layers.size()
                    + " layers");
        }
        if (group[layer] == null) {
            throw new IllegalArgumentException("layer " + layer + " (" + layers.get(layer) + ") has no " + what);
        }
        return group[layer];
    }

    private float[] read(Matrix m) {
        float[] out = new float[m.size()];
        backend.download(m, out, 0);
        return out;
    }

    private void write(Matrix m, float[] values, int layer, String what) {
        if (values.length != m.size()) {
            throw new IllegalArgumentException("layer " + layer + " " + what + ": " + values.length
                    + " values given, expected " + m.size() + " (" + m.shape() + ")");
        }
        backend.upload(values, 0, m);
    }

    /** Layer {@code layer}'s weights, inputs x units, row-major. */
    public float[] weights(int layer) { return read(dense(weights, layer, "weights")); }
    public float[] biases(int layer) { return read(dense(biases, layer, "biases")); }
    /** Layer {@code layer}'s PReLU slopes. */
    public float[] slopes(int layer) { return read(dense(slopes, layer, "PReLU slopes")); }
    public void setWeights(int layer, float[] w) { write(dense(weights, layer, "weights"), w, layer, "weights"); }
    public void setBiases(int layer, float[] b) { write(dense(biases, layer, "biases"), b, layer, "biases"); }
    public void setSlopes(int layer, float[] s) { write(dense(slopes, layer, "PReLU slopes"), s, layer, "slopes"); }

    /** Every parameter's values, in {@link #parameters()} order: for early stopping and checkpoints. */
    public float[][] snapshot() {
        float[][] all = new float[parameters.size()][];
        for (int i = 0; i < all.length; i++) {
            all[i] = read(parameters.get(i).value());
        }
        return all;
    }

    /** Restores values taken by {@link #snapshot()} (of this network or one of the same architecture). */
    public void restore(float[][] snapshot) {
        if (snapshot.length != parameters.size()) {
            throw new IllegalArgumentException("snapshot has " + snapshot.length + " tensors, expected "
                    + parameters.size());
        }
        for (int i = 0; i < snapshot.length; i++) {
            Parameter p = parameters.get(i);
            write(p.value(), snapshot[i], p.layer(), p.name());
        }
    }

    /** The same architecture, seed and weights on another backend; predictions agree within tolerance. */
    public Network to(Backend other) {
        Network copy = new Network(other, inputSize, layers, loss, seed);
        copy.restore(snapshot());
        copy.trainingPasses = trainingPasses;
        return copy;
    }

    // ---- forward and backward -----------------------------------------------------------------

    private Workspace workspace(int rows) {
        for (int i = 0; i < workspaces.size(); i++) {
            if (workspaces.get(i).rows == rows) {
                return workspaces.get(i);
            }
        }
        Workspace ws = new Workspace(backend, rows, inputSize, layers);
        workspaces.add(ws);
        return ws;
    }

    private void checkInput(Matrix x) {
        if (x.cols() != inputSize) {
            String first = layers.getFirst() instanceof Dense ? "Dense layer 0" : "Network";
            throw new IllegalArgumentException(first + ": input has " + x.cols() + " features, expected " + inputSize);
        }
    }

    /**
     * The forward pass over a batch. In training mode dropout layers draw a fresh mask; otherwise they
     * pass their input through. The result is a buffer the network owns, valid until the next forward
     * pass with the same number of rows.
     *
     * @param x not modified; rows x {@link #inputSize()}; must stay unchanged until {@link #lossAndBackward}
     */
    public Matrix forward(Matrix x, boolean training) {
        checkInput(x);
        Workspace ws = workspace(x.rows());
        long passSeed = training ? mix(seed ^ mix(++trainingPasses)) : 0L;
        forward(x, ws, training, passSeed);
        last = ws;
        return ws.out[layers.size() - 1];
    }

    private Matrix forward(Matrix x, Workspace ws, boolean training, long passSeed) {
        Matrix in = x;
        for (int i = 0; i < layers.size(); i++) {
            ws.input[i] = in;
            switch (layers.get(i)) {
                case Dense d -> {
                    backend.gemm(false, false, 1f, in, weights[i], 0f, ws.z[i]);
                    backend.biasActivation(ws.z[i], biases[i], d.activation(), slopes[i], ws.ownOut[i]);
                    ws.out[i] = ws.ownOut[i];
                }
                case Dropout d -> {
                    if (training && d.dropRate() > 0f) {
                        backend.dropoutMask(ws.mask[i], d.dropRate(), passSeed + i);
                        backend.hadamard(in, ws.mask[i], ws.ownOut[i]);
                        ws.out[i] = ws.ownOut[i];
                    } else {
                        ws.out[i] = in;
                    }
                }
            }
            in = ws.out[i];
        }
        ws.training = training;
        return in;
    }

    /**
     * The loss of the last {@link #forward} against {@code target}, and backpropagation: fills every
     * {@link Parameter#gradient()} with dL/dparameter (regularization is added by the optimizer).
     *
     * @param target not modified; the same rows as the forward pass's input, {@link #outputSize()} columns
     * @return the batch loss (without regularization)
     */
    public double lossAndBackward(Matrix target) {
        Workspace ws = requireForward(target);
        int lastLayer = layers.size() - 1;
        boolean fused = trainingLoss != loss;
        double value = fused
                ? backend.loss(trainingLoss, ws.z[lastLayer], target, ws.gradZ[lastLayer])
                : backend.loss(loss, ws.out[lastLayer], target, ws.gradOut[lastLayer]);
        int p = parameters.size();
        for (int i = lastLayer; i >= 0; i--) {
            switch (layers.get(i)) {
                case Dense d -> {
                    // With a fused loss, the loss already wrote dL/dz of the last layer (never a PReLU one).
                    if (!(fused && i == lastLayer)) {
                        Matrix gradSlope = slopes[i] == null ? null : parameters.get(--p).gradient();
                        backend.activationBackward(d.activation(), ws.z[i], ws.out[i], slopes[i], ws.gradOut[i],
                                ws.gradZ[i], gradSlope);
                    }
                    Matrix gradB = parameters.get(--p).gradient(), gradW = parameters.get(--p).gradient();
                    backend.gemm(true, false, 1f, ws.input[i], ws.gradZ[i], 0f, gradW);
                    backend.sumColumns(ws.gradZ[i], gradB);
                    if (i > 0) {
                        backend.gemm(false, true, 1f, ws.gradZ[i], weights[i], 0f, ws.gradOut[i - 1]);
                    }
                }
                case Dropout d -> {
                    if (i > 0) {
                        if (ws.out[i] == ws.input[i]) {
                            backend.copy(ws.gradOut[i], ws.gradOut[i - 1]);
                        } else {
                            backend.hadamard(ws.gradOut[i], ws.mask[i], ws.gradOut[i - 1]);
                        }
                    }
                }
            }
        }
        return value;
    }

    /** The loss of the last {@link #forward} against {@code target}, without gradients. */
    public double loss(Matrix target) {
        Workspace ws = requireForward(target);
        int lastLayer = layers.size() - 1;
        return trainingLoss != loss
                ? backend.loss(trainingLoss, ws.z[lastLayer], target, null)
                : backend.loss(loss, ws.out[lastLayer], target, null);
    }

    private Workspace requireForward(Matrix target) {
        if (last == null) {
            throw new IllegalStateException("no forward pass to take the loss of; call forward(x, training) first");
        }
        if (target.rows() != last.rows || target.cols() != outputSize()) {
            throw new IllegalArgumentException("target is " + target.shape() + ", expected " + last.rows + "x"
                    + outputSize() + " (the batch's rows x the network's outputs)");
        }
        return last;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- prediction from host arrays ----------------------------------------------------------

    /** Rows per chunk when predicting from host arrays. */
    private static final int PREDICT_CHUNK = 1024;

    /**
     * Outputs for {@code rows} inputs (row-major, rows x {@link #inputSize()}), in inference mode.
     * Safe to call from several threads at once while the network is not being trained.
     *
     * @return rows x {@link #outputSize()}, row-major
     */
    public float[] predict(float[] x, int rows) {
        if (rows < 0 || x.length != (long) rows * inputSize) {
            throw new IllegalArgumentException("predict: " + x.length + " values for " + rows + " rows, expected "
                    + (long) rows * inputSize + " (rows x " + inputSize + " features)");
        }
        int k = outputSize();
        float[] out = new float[rows * k];
        for (int from = 0; from < rows; from += PREDICT_CHUNK) {
            int n = Math.min(PREDICT_CHUNK, rows - from);
            try (Matrix in = backend.allocate(n, inputSize);
                 Workspace ws = new Workspace(backend, n, inputSize, layers)) {
                backend.upload(x, from * inputSize, in);
                backend.download(forward(in, ws, false, 0L), out, from * k);
            }
        }
        return out;
    }

    /**
     * The predicted class of each row: the largest output, or for a single output, 1 when it is at
     * least 0.5 (0 for tanh/sign outputs) and 0 otherwise.
     */
    public int[] predictClass(float[] x, int rows) {
        return Classes.of(predict(x, rows), rows, outputSize(), ((Dense) layers.getLast()).activation());
    }

    @Override
    public void close() {
        for (Parameter p : parameters) {
            p.value().close();
            p.gradient().close();
        }
        workspaces.forEach(Workspace::close);
        workspaces.clear();
    }
}
