package io.github.mlp4j.nd4j;

import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;

/** The ND4J ops the backend keeps in {@link OpCache}s: x, y inputs, z output, d a scalar argument. */
final class Ops {

    private Ops() {}

    static final OpCache.Factory RELU = (x, y, z, d) -> new RectifiedLinear(x, z, 0.0);
    static final OpCache.Factory LEAKY_RELU = (x, y, z, d) -> new LeakyReLU(x, z, d);
    static final OpCache.Factory SIGMOID = (x, y, z, d) -> new Sigmoid(x, z);
    static final OpCache.Factory TANH = (x, y, z, d) -> new Tanh(x, z);
    /** Row softmax (over dimension 1), with its max subtraction. */
    static final OpCache.Factory SOFTMAX = (x, y, z, d) -> new SoftMax(x, z, 1);
    /** z (n x 1) = the maximum of each row of x. */
    static final OpCache.Factory ROW_MAX = (x, y, z, d) ->
            DynamicCustomOp.builder("reduce_max").addInputs(x).addOutputs(z.reshape(z.length())).addIntegerArguments(1)
                    .build();
    /** z = x - y, y (n x 1) broadcast along the rows (the subtract op broadcasts). */
    static final OpCache.Factory SUB = (x, y, z, d) -> new SubOp(x, y, z);
    /** z = x / y element-wise. */
    static final OpCache.Factory DIV = (x, y, z, d) -> new DivOp(x, y, z);
    static final OpCache.Factory LOG = (x, y, z, d) -> new Log(x, z);
    static final OpCache.Factory EXP = (x, y, z, d) -> new Exp(x, z);
    static final OpCache.Factory SIGN = (x, y, z, d) -> new Sign(x, z);
    /** z = x * y element-wise; a y of n x 1 multiplies row i of x by y[i] (the multiply op broadcasts). */
    static final OpCache.Factory MUL = (x, y, z, d) -> new MulOp(x, y, z);
    /** z = (x > 0) y: x the pre-activation, y the gradient after the activation. */
    static final OpCache.Factory RELU_BACKWARD = (x, y, z, d) -> new RectifiedLinearDerivative(x, y, z);
    /** z = sigmoid'(x) y. */
    static final OpCache.Factory SIGMOID_BACKWARD = (x, y, z, d) -> new SigmoidDerivative(x, y, z);
    /** z = tanh'(x) y. */
    static final OpCache.Factory TANH_BACKWARD = (x, y, z, d) -> new TanhDerivative(x, y, z);
    /** z = leaky ReLU'(x) with slope d. */
    static final OpCache.Factory LEAKY_RELU_DERIVATIVE = (x, y, z, d) -> new LeakyReLUDerivative(x, z, d);
}
