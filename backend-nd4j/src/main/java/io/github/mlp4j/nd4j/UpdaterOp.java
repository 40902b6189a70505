package io.github.mlp4j.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;

/**
 * One parameter's ND4J updater op (AdaGrad, RMSProp, Adam) with its execution context, kept on the
 * parameter's matrix. Its arrays never change; its arguments (learning rate, Adam's step) are set on the
 * context when they do, so a step makes no op, context or INDArray.
 */
final class UpdaterOp {

    private final Class<?> kind;
    private final INDArray[] arrays;
    private final CustomOp op;
    private final OpContext context;
    private double[] t = new double[0];
    private long i = Long.MIN_VALUE;

    private UpdaterOp(CustomOp op, OpExecutioner exec, INDArray... arrays) {
        this.kind = op.getClass();
        this.arrays = arrays;
        this.op = op;
        this.context = OpCache.context(exec, op);
    }

    /**
     * Runs an updater op of this kind on these arrays with these arguments, reusing the one kept in
     * {@code w} when it matches.
     *
     * @param make builds the op; called only when none matching is kept
     * @param i the integer argument (Adam's iteration), or Long.MIN_VALUE for none
     */
    static void run(Nd4jMatrix w, OpExecutioner exec, Class<?> kind, java.util.function.Supplier<CustomOp> make,
                    double[] t, long i, INDArray... arrays) {
        UpdaterOp u = w.updater;
        if (u == null || u.kind != kind || !same(u.arrays, arrays)) {
            w.updater = u = new UpdaterOp(make.get(), exec, arrays);
            u.t = t.clone();
            u.i = i;
        }
        if (!java.util.Arrays.equals(u.t, t)) {
            u.context.setTArguments(t);
            u.t = t;
        }
        if (u.i != i) {
            u.context.setIArguments(i);
            u.i = i;
        }
        exec.exec(u.op, u.context);
    }

    /** Identity, not INDArray.equals (which compares contents). */
    private static boolean same(INDArray[] a, INDArray[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (a[k] != b[k]) {
                return false;
            }
        }
        return true;
    }
}
