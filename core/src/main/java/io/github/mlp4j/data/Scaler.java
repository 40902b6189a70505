package io.github.mlp4j.data;

/**
 * A per-feature affine transform {@code x' = (x - shift) * scale}, fitted on training data and applied
 * unchanged to test data: {@link #standardize} (zero mean, unit variance) or {@link #minMax} (to [0, 1]).
 * A feature that is constant in the training data is only shifted.
 */
public final class Scaler {

    /** Which fit produced it; recorded in model files. */
    public enum Kind { STANDARDIZE, MIN_MAX }

    private final Kind kind;
    private final float[] shift;
    private final float[] scale;

    public Scaler(Kind kind, float[] shift, float[] scale) {
        if (shift.length != scale.length) {
            throw new IllegalArgumentException("scaler: " + shift.length + " shifts but " + scale.length + " scales");
        }
        this.kind = kind;
        this.shift = shift.clone();
        this.scale = scale.clone();
    }

    /** Fits mean and standard deviation of each feature of {@code train}. */
    public static Scaler standardize(Dataset train) {
        int d = train.featureCount(), n = train.rows();
        double[] sum = new double[d], sumSq = new double[d];
        float[] x = train.features();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                sum[j] += v;
                sumSq[j] += v * v;
            }
        }
        float[] shift = new float[d], scale = new float[d];
        for (int j = 0; j < d; j++) {
            double mean = sum[j] / n, var = Math.max(0, sumSq[j] / n - mean * mean);
            shift[j] = (float) mean;
            scale[j] = var > 1e-12 ? (float) (1 / Math.sqrt(var)) : 1f;
        }
        return new Scaler(Kind.STANDARDIZE, shift, scale);
    }

    /** Fits minimum and maximum of each feature of {@code train}. */
    public static Scaler minMax(Dataset train) {
        int d = train.featureCount(), n = train.rows();
        float[] min = new float[d], max = new float[d];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        float[] x = train.features();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], x[i * d + j]);
                max[j] = Math.max(max[j], x[i * d + j]);
            }
        }
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            scale[j] = max[j] > min[j] ? 1f / (max[j] - min[j]) : 1f;
        }
        return new Scaler(Kind.MIN_MAX, min, scale);
    }

    public Kind kind() { return kind; }
    public float[] shift() { return shift.clone(); }
    public float[] scale() { return scale.clone(); }

    /** Transforms {@code x} (rows of {@link #shift()}.length features) in place. @param x modified */
    public void applyInPlace(float[] x) {
        int d = shift.length;
        if (x.length % d != 0) {
            throw new IllegalArgumentException("scaler: " + x.length + " values is not a whole number of rows of " + d
                    + " features");
        }
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            x[i] = (x[i] - shift[j]) * scale[j];
        }
    }

    /** A transformed copy of {@code data}. */
    public Dataset transform(Dataset data) {
        if (data.featureCount() != shift.length) {
            throw new IllegalArgumentException("scaler fitted on " + shift.length + " features, data has "
                    + data.featureCount());
        }
        float[] x = data.features().clone();
        applyInPlace(x);
        return data.withFeatures(x);
    }
}
