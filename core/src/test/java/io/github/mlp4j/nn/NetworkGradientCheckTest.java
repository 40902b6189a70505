package io.github.mlp4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.CheckedBackend;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.backend.Oracle;
import io.github.mlp4j.backend.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation through whole networks against central differences of an independent
 * double-precision forward pass (written here from the formulas), with L1 and L2 terms taken through
 * the real optimizer path: relative error at most 1e-3 on the reference backend.
 */
class NetworkGradientCheckTest {

    private static final int N = 6, IN = 4, HIDDEN = 5, OUT = 3;
    private static final double H = 1e-6;

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation h : List.of(Activation.IDENTITY, Activation.HARD_SIGMOID, Activation.SIGMOID, Activation.TANH,
                Activation.RELU, Activation.leakyRelu(0.1f), Activation.PRELU, Activation.SOFTPLUS, Activation.SOFTMAX)) {
            cases.add(Arguments.of(h, Activation.IDENTITY, Loss.MSE));
        }
        cases.add(Arguments.of(Activation.TANH, Activation.IDENTITY, Loss.MAE));
        cases.add(Arguments.of(Activation.RELU, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));      // fused
        cases.add(Arguments.of(Activation.RELU, Activation.SOFTMAX, Loss.CATEGORICAL_CROSS_ENTROPY)); // fused
        cases.add(Arguments.of(Activation.SOFTPLUS, Activation.SIGMOID, Loss.CATEGORICAL_CROSS_ENTROPY));
        cases.add(Arguments.of(Activation.TANH, Activation.HARD_SIGMOID, Loss.MSE));
        cases.add(Arguments.of(Activation.SIGMOID, Activation.IDENTITY, Loss.SOFTMAX_CROSS_ENTROPY));
        cases.add(Arguments.of(Activation.SIGMOID, Activation.IDENTITY, Loss.SIGMOID_CROSS_ENTROPY));
        cases.add(Arguments.of(Activation.PRELU, Activation.PRELU, Loss.MSE));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @MethodSource("networks")
    void backpropagationMatchesCentralDifferences(Activation hidden, Activation output, Loss loss) {
        for (float[] reg : new float[][] {{0f, 0f}, {0.01f, 0.05f}}) {
            check(hidden, output, loss, reg[0], reg[1]);
        }
    }

    private void check(Activation hidden, Activation output, Loss loss, float l1, float l2) {
        Backend b = new CheckedBackend(new ReferenceBackend());
        SplittableRandom rng = new SplittableRandom(7);
        Network net = Network.builder().input(IN).dense(HIDDEN, hidden, Initializer.XAVIER_NORMAL)
                .dense(OUT, output, Initializer.XAVIER_NORMAL).loss(loss).seed(11).build(b);
        // Non-trivial biases and slopes, so that their gradients are exercised too.
        for (int layer = 0; layer < 2; layer++) {
            int units = layer == 0 ? HIDDEN : OUT;
            net.setBiases(layer, uniform(rng, units, -0.5, 0.5));
            if (net.layers().get(layer) instanceof Dense d && d.activation() instanceof PRelu) {
                net.setSlopes(layer, uniform(rng, units, 0.05, 0.5));
            }
        }
        float[] x = uniform(rng, N * IN, -1.5, 1.5);
        float[] y = targets(rng, loss);
        Matrix xm = b.allocate(N, IN), ym = b.allocate(N, OUT);
        b.upload(x, 0, xm);
        b.upload(y, 0, ym);
        net.forward(xm, true);
        net.lossAndBackward(ym);

        float[][] values = net.snapshot();
        for (int p = 0; p < values.length; p++) {
            Parameter param = net.parameters().get(p);
            boolean regularized = param.kind() == Parameter.Kind.WEIGHT;
            float pl1 = regularized ? l1 : 0f, pl2 = regularized ? l2 : 0f;
            // The analytical gradient with regularization: what one SGD step of rate 1 subtracts.
            Matrix copy = b.allocate(param.value().rows(), param.value().cols());
            b.copy(param.value(), copy);
            b.sgd(copy, param.gradient(), 1f, pl1, pl2);
            float[] after = new float[copy.size()];
            b.download(copy, after, 0);
            double[] analytical = new double[after.length], numerical = new double[after.length];
            for (int i = 0; i < after.length; i++) {
                analytical[i] = (double) values[p][i] - after[i];
                double w = values[p][i];
                double[][] plus = toDouble(values), minus = toDouble(values);
                plus[p][i] = w + H;
                minus[p][i] = w - H;
                double penalty = pl1 * (Math.abs(w + H) - Math.abs(w - H)) + pl2 / 2 * ((w + H) * (w + H) - (w - H) * (w - H));
                numerical[i] = (oracleLoss(net, plus, x, y, loss) - oracleLoss(net, minus, x, y, loss) + penalty) / (2 * H);
            }
            double error = relativeError(analytical, numerical);
            String what = param.name() + " of " + hidden.id() + "/" + output.id() + "/" + loss.id() + " l1=" + l1 + " l2="
                    + l2 + ": relative error " + error + "\n analytical " + java.util.Arrays.toString(analytical)
                    + "\n numerical  " + java.util.Arrays.toString(numerical);
            assertTrue(error <= 1e-3, what);
        }
    }

    /** ||a - n|| / max(||a|| + ||n||, 1e-8): the usual gradient-check measure over a whole tensor. */
    private static double relativeError(double[] a, double[] n) {
        double diff = 0, na = 0, nn = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - n[i]) * (a[i] - n[i]);
            na += a[i] * a[i];
            nn += n[i] * n[i];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(na) + Math.sqrt(nn), 1e-8);
    }

    /** The network's loss computed in double from the given parameter values (W, b, [slope] per layer). */
    private static double oracleLoss(Network net, double[][] params, float[] x, float[] y, Loss loss) {
        double[] in = toDouble(x);
        int width = IN, p = 0;
        for (Layer layer : net.layers()) {
            Dense d = (Dense) layer;
            double[] w = params[p++], bias = params[p++];
            double[] slope = d.activation() instanceof PRelu ? params[p++] : null;
            double[] z = new double[N * d.units()];
            for (int r = 0; r < N; r++) {
                for (int j = 0; j < d.units(); j++) {
                    double s = bias[j];
                    for (int k = 0; k < width; k++) {
                        s += in[r * width + k] * w[k * d.units() + j];
                    }
                    z[r * d.units() + j] = s;
                }
            }
            in = activate(d.activation(), z, slope, d.units());
            width = d.units();
        }
        return Oracle.loss(loss, in, toDouble(y), N, OUT);
    }

    private static double[] activate(Activation f, double[] z, double[] slope, int k) {
        double[] a = new double[z.length];
        for (int r = 0; r < z.length / k; r++) {
            double[] row = java.util.Arrays.copyOfRange(z, r * k, r * k + k);
            double[] out = switch (f) {
                case Softmax s -> Oracle.softmax(row);
                case PRelu p -> {
                    double[] o = new double[k];
                    for (int j = 0; j < k; j++) {
                        o[j] = row[j] > 0 ? row[j] : slope[j] * row[j];
                    }
                    yield o;
                }
                case Activation.Elementwise e -> java.util.Arrays.stream(row).map(v -> Oracle.activation(e, v)).toArray();
            };
            System.arraycopy(out, 0, a, r * k, k);
        }
        return a;
    }

    private static float[] targets(SplittableRandom rng, Loss loss) {
        return switch (loss) {
            case CATEGORICAL_CROSS_ENTROPY, SOFTMAX_CROSS_ENTROPY -> {
                float[] y = new float[N * OUT];
                for (int r = 0; r < N; r++) {
                    y[r * OUT + rng.nextInt(OUT)] = 1f;
                }
                yield y;
            }
            case BINARY_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY -> uniform(rng, N * OUT, 0, 1);
            default -> uniform(rng, N * OUT, -1, 1);
        };
    }

    static float[] uniform(SplittableRandom rng, int n, double lo, double hi) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return x;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static double[][] toDouble(float[][] x) {
        double[][] d = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            d[i] = toDouble(x[i]);
        }
        return d;
    }
}
