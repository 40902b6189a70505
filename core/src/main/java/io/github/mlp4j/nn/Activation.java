package io.github.mlp4j.nn;

import java.util.Locale;

/**
 * The closed set of activation functions every backend implements.
 *
 * <p>Most are {@link Elementwise}: {@code a = f(z)} element by element, each one a small record
 * holding its scalar definition (used by the reference backend, the oracle). Two are not:
 * {@link PRelu} has a learned slope per unit, and {@link Softmax} works on whole rows.
 *
 * <p>{@link Step} and {@link Sign} have a derivative of zero almost everywhere (and none at 0), so
 * gradient descent cannot train through them; backends report a zero gradient and the
 * {@code Perceptron} uses its own learning rule instead.
 *
 * <pre>{@code
 * Activation f = Activation.parse("leaky_relu(0.1)");   // LeakyRelu[slope=0.1]
 * }</pre>
 */
public sealed interface Activation
        permits Activation.Elementwise, PRelu, Softmax {

    Activation IDENTITY = new Identity();
    Activation STEP = new Step();
    Activation SIGN = new Sign();
    Activation HARD_SIGMOID = new HardSigmoid();
    Activation SIGMOID = new Sigmoid();
    Activation TANH = new Tanh();
    Activation RELU = new Relu();
    Activation PRELU = new PRelu();
    Activation SOFTPLUS = new Softplus();
    Activation SOFTMAX = new Softmax();

    /** The name used in model files and on the command line, e.g. {@code relu} or {@code leaky_relu(0.01)}. */
    String id();

    /** An activation applied to each element independently, with its scalar definition. */
    sealed interface Elementwise extends Activation
            permits Identity, Step, Sign, HardSigmoid, Sigmoid, Tanh, Relu, LeakyRelu, Softplus {

        /** {@code f(z)}. */
        float apply(float z);

        /**
         * {@code f'(z)}, given both the input {@code z} and the output {@code a = f(z)} so that
         * each activation uses whichever is cheaper and more accurate.
         */
        float derivative(float z, float a);
    }

    /** A leaky ReLU with the given slope for negative inputs (Keras' and PyTorch's default is 0.01). */
    static Activation leakyRelu(float slope) {
        return new LeakyRelu(slope);
    }

    /**
     * Parses an {@link #id()}: {@code identity|linear, step, sign, hard_sigmoid|piecewise_linear,
     * sigmoid, tanh, relu, leaky_relu[(slope)], prelu, softplus, softmax}.
     *
     * @throws IllegalArgumentException naming the unknown activation and listing the known ones
     */
    static Activation parse(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("leaky_relu")) {
            String arg = s.substring("leaky_relu".length());
            if (arg.isEmpty()) {
                return new LeakyRelu(0.01f);
            }
            if (arg.startsWith("(") && arg.endsWith(")")) {
                try {
                    return new LeakyRelu(Float.parseFloat(arg.substring(1, arg.length() - 1)));
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
            throw new IllegalArgumentException("activation '" + id + "': expected leaky_relu or leaky_relu(slope)");
        }
        return switch (s) {
            case "identity", "linear" -> IDENTITY;
            case "step", "heaviside" -> STEP;
            case "sign" -> SIGN;
            case "hard_sigmoid", "piecewise_linear" -> HARD_SIGMOID;
            case "sigmoid", "logistic" -> SIGMOID;
            case "tanh" -> TANH;
            case "relu" -> RELU;
            case "prelu" -> PRELU;
            case "softplus" -> SOFTPLUS;
            case "softmax" -> SOFTMAX;
            default -> throw new IllegalArgumentException("unknown activation '" + id + "'; expected one of identity, "
                    + "step, sign, hard_sigmoid, sigmoid, tanh, relu, leaky_relu(slope), prelu, softplus, softmax");
        };
    }
}
