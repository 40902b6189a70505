package io.github.mlp4j.nn;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;
import java.util.List;

/**
 * Every buffer one forward and backward pass needs for one batch size, allocated once and reused, so
 * that a training step allocates nothing. Index i refers to layer i.
 */
final class Workspace implements AutoCloseable {

    final int rows;
    /** What layer i received: the network input for i = 0, else layer i-1's output (aliases, not owned). */
    final Matrix[] input;
    /** Layer i's output; a dropout layer that passes through in inference aliases its input here. */
    final Matrix[] out;
    final Matrix[] ownOut;
    /** Dense: pre-activation z. */
    final Matrix[] z;
    /** Dropout: the mask of the last training pass. */
    final Matrix[] mask;
    /** dL/d out[i]. */
    final Matrix[] gradOut;
    /** Dense: dL/dz. */
    final Matrix[] gradZ;
    /** Whether the last forward pass was in training mode (dropout applied). */
    boolean training;

    Workspace(Backend b, int rows, int inputSize, List<Layer> layers) {
        this.rows = rows;
        int n = layers.size();
        input = new Matrix[n];
        out = new Matrix[n];
        ownOut = new Matrix[n];
        z = new Matrix[n];
        mask = new Matrix[n];
        gradOut = new Matrix[n];
        gradZ = new Matrix[n];
        int width = inputSize;
        for (int i = 0; i < n; i++) {
            width = layers.get(i).outputSize(width);
            ownOut[i] = b.allocate(rows, width);
            gradOut[i] = b.allocate(rows, width);
            if (layers.get(i) instanceof Dense) {
                z[i] = b.allocate(rows, width);
                gradZ[i] = b.allocate(rows, width);
            } else {
                mask[i] = b.allocate(rows, width);
            }
        }
    }

    @Override
    public void close() {
        for (Matrix[] group : new Matrix[][] {ownOut, z, mask, gradOut, gradZ}) {
            for (Matrix m : group) {
                if (m != null) {
                    m.close();
                }
            }
        }
    }
}
