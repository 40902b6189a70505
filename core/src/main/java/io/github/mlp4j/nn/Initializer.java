package io.github.mlp4j.nn;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How a dense layer's weights start, from its fan-in (inputs) and fan-out (units). All draw from the
 * generator they are given, so a network's seed fixes its initial weights.
 */
public enum Initializer {
    /** All zeros: every unit stays identical; only for the perceptron and tests. */
    ZEROS,
    /** Uniform in [-0.05, 0.05] (Keras' {@code RandomUniform}). */
    SMALL_UNIFORM,
    /** Normal with standard deviation 0.05 (Keras' {@code RandomNormal}). */
    NORMAL,
    /** Glorot/Xavier uniform: limit {@code sqrt(6 / (fanIn + fanOut))}; for tanh, sigmoid, softmax. */
    XAVIER_UNIFORM,
    /** Glorot/Xavier normal: standard deviation {@code sqrt(2 / (fanIn + fanOut))}. */
    XAVIER_NORMAL,
    /** He/Kaiming uniform: limit {@code sqrt(6 / fanIn)}; for the ReLU family. */
    HE_UNIFORM,
    /** He/Kaiming normal: standard deviation {@code sqrt(2 / fanIn)}. */
    HE_NORMAL,
    /** LeCun uniform: limit {@code sqrt(3 / fanIn)}; for SELU-like and linear units. */
    LECUN_UNIFORM,
    /** LeCun normal: standard deviation {@code sqrt(1 / fanIn)}. */
    LECUN_NORMAL;

    /** The default for an activation: He normal for ReLU, leaky ReLU and PReLU, Xavier uniform otherwise. */
    public static Initializer forActivation(Activation f) {
        return f instanceof Relu || f instanceof LeakyRelu || f instanceof PRelu ? HE_NORMAL : XAVIER_UNIFORM;
    }

    /**
     * Writes {@code fanIn * fanOut} weights into {@code out} (row-major, fanIn rows of fanOut).
     *
     * @param out modified
     * @param rng advanced
     */
    public void fill(float[] out, int fanIn, int fanOut, RandomGenerator rng) {
        double limit, std;
        switch (this) {
            case ZEROS -> {
                java.util.Arrays.fill(out, 0f);
                return;
            }
            case SMALL_UNIFORM -> { limit = 0.05; std = 0; }
            case NORMAL -> { limit = 0; std = 0.05; }
            case XAVIER_UNIFORM -> { limit = Math.sqrt(6.0 / (fanIn + fanOut)); std = 0; }
            case XAVIER_NORMAL -> { limit = 0; std = Math.sqrt(2.0 / (fanIn + fanOut)); }
            case HE_UNIFORM -> { limit = Math.sqrt(6.0 / fanIn); std = 0; }
            case HE_NORMAL -> { limit = 0; std = Math.sqrt(2.0 / fanIn); }
            case LECUN_UNIFORM -> { limit = Math.sqrt(3.0 / fanIn); std = 0; }
            case LECUN_NORMAL -> { limit = 0; std = Math.sqrt(1.0 / fanIn); }
            default -> throw new AssertionError(this);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (std > 0 ? std * rng.nextGaussian() : limit * (2 * rng.nextDouble() - 1));
        }
    }

    /** The lower-case name used in model files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}, also {@code glorot_*} and {@code kaiming_*}; fails listing the known names. */
    public static Initializer parse(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT).replace("glorot", "xavier").replace("kaiming", "he");
        for (Initializer i : values()) {
            if (i.id().equals(s)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + id + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Initializer::id).toList());
    }
}
