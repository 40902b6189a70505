package io.github.mlp4j.train;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Matrix;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.nn.Classes;
import io.github.mlp4j.nn.Dense;
import io.github.mlp4j.nn.Network;
import java.util.List;

/**
 * A dataset uploaded to the backend once, with batch buffers for a full batch and for the smaller last
 * one, so that assembling a batch is a {@code gatherRows} on the device and allocates nothing.
 */
final class DeviceData {

    record Batch(Matrix x, Matrix y) {
    }

    private final Backend b;
    private final Dataset data;
    private final Matrix features, targets;
    private final Batch full, tail;
    private final int batch;
    private final int[] predicted;
    private final float[] outputs;
    private final int[] identity;
    /** Decision threshold of a single-output classifier. */
    private final float threshold;

    DeviceData(Backend b, Dataset data, int batch, Network net, List<Matrix> owned) {
        int outputs = net.outputSize();
        this.threshold = Classes.threshold(((Dense) net.layers().getLast()).activation());
        this.b = b;
        this.data = data;
        this.batch = batch;
        int n = data.rows();
        features = add(owned, b.allocate(n, data.featureCount()));
        targets = add(owned, b.allocate(n, data.targetCount()));
        b.upload(data.features(), 0, features);
        b.upload(data.targets(), 0, targets);
        full = new Batch(add(owned, b.allocate(batch, data.featureCount())), add(owned, b.allocate(batch, outputs)));
        int rest = n % batch;
        tail = rest == 0 ? null
                : new Batch(add(owned, b.allocate(rest, data.featureCount())), add(owned, b.allocate(rest, outputs)));
        predicted = new int[batch];
        this.outputs = new float[outputs == 1 ? batch : 0];
        identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
    }

    private static Matrix add(List<Matrix> owned, Matrix m) {
        owned.add(m);
        return m;
    }

    boolean hasClasses() {
        return data.isClassification();
    }

    /** Rows {@code order[from .. from + size)} gathered into the batch buffers of that size. */
    Batch gather(int[] order, int from, int size) {
        Batch dst = size == batch ? full : tail;
        b.gatherRows(features, order, from, dst.x());
        b.gatherRows(targets, order, from, dst.y());
        return dst;
    }

    /** How many rows of a batch output {@code out} predict the labels of rows {@code order[from .. from + size)}. */
    int correct(Matrix out, int[] order, int from, int size) {
        if (!data.isClassification()) {
            return 0;
        }
        int[] labels = data.labels();
        int correct = 0;
        if (out.cols() == 1) {
            b.download(out, outputs, 0);
            for (int i = 0; i < size; i++) {
                correct += (outputs[i] >= threshold ? 1 : 0) == labels[order[from + i]] ? 1 : 0;
            }
            return correct;
        }
        b.argmaxRows(out, predicted);
        for (int i = 0; i < size; i++) {
            correct += predicted[i] == labels[order[from + i]] ? 1 : 0;
        }
        return correct;
    }

    /** {loss, accuracy} of the network on this data, in inference mode, in batch-sized chunks. */
    double[] evaluate(Network net) {
        double lossSum = 0;
        long correct = 0;
        int n = data.rows();
        for (int from = 0; from < n; from += batch) {
            int size = Math.min(batch, n - from);
            Batch xy = gather(identity, from, size);
            Matrix out = net.forward(xy.x(), false);
            lossSum += net.loss(xy.y()) * size;
            correct += correct(out, identity, from, size);
        }
        return new double[] {lossSum / n, data.isClassification() ? (double) correct / n : Double.NaN};
    }
}
