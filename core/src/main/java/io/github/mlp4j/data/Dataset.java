package io.github.mlp4j.data;

import java.util.SplittableRandom;

/**
 * An in-memory dataset: n rows of d float32 features and k float32 targets, row-major. For
 * classification it also keeps the class index of each row, and its targets are one-hot rows (or,
 * for {@link #ofBinary}, a single 0/1 column).
 *
 * <p>Immutable in use: the arrays are the caller's, validated once (finite features and targets,
 * labels in range) and never modified.
 *
 * <pre>{@code
 * Dataset train = Dataset.ofClasses(pixels, 784, labels, 10);
 * Dataset.Split s = train.split(0.1, 42);   // s.first(): 90 %, s.second(): 10 %
 * }</pre>
 */
public final class Dataset {

    private final float[] features;
    private final float[] targets;
    private final int[] labels;
    private final int rows;
    private final int featureCount;
    private final int targetCount;
    private final int classCount;

    private Dataset(float[] features, int featureCount, float[] targets, int targetCount, int[] labels,
                    int classCount) {
        this.features = features;
        this.featureCount = featureCount;
        this.targets = targets;
        this.targetCount = targetCount;
        this.labels = labels;
        this.classCount = classCount;
        this.rows = features.length / featureCount;
    }

    /** Classification with one-hot targets: {@code labels[i]} in [0, classes). */
    public static Dataset ofClasses(float[] features, int featureCount, int[] labels, int classes) {
        int n = checkFeatures(features, featureCount);
        checkLabels(labels, n, classes);
        float[] oneHot = new float[Math.multiplyExact(n, classes)];
        for (int i = 0; i < n; i++) {
            oneHot[i * classes + labels[i]] = 1f;
        }
        return new Dataset(features, featureCount, oneHot, classes, labels, classes);
    }

    /** Two-class classification for a single sigmoid (or step) output: targets are the labels, 0 or 1. */
    public static Dataset ofBinary(float[] features, int featureCount, int[] labels) {
        int n = checkFeatures(features, featureCount);
        checkLabels(labels, n, 2);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels[i];
        }
        return new Dataset(features, featureCount, y, 1, labels, 2);
    }

    /** Regression or multi-label: any finite targets, {@code targetCount} per row. */
    public static Dataset ofTargets(float[] features, int featureCount, float[] targets, int targetCount) {
        int n = checkFeatures(features, featureCount);
        if (targetCount <= 0 || targets == null || targets.length != (long) n * targetCount) {
            throw new IllegalArgumentException("dataset: " + (targets == null ? "no" : targets.length)
                    + " target values, expected " + (long) n * Math.max(targetCount, 1) + " (" + n + " rows x "
                    + targetCount + " targets)");
        }
        checkFinite("target", targets, targetCount);
        return new Dataset(features, featureCount, targets, targetCount, null, 0);
    }

    private static int checkFeatures(float[] x, int d) {
        if (d <= 0) {
            throw new IllegalArgumentException("dataset: " + d + " features per row, expected at least 1");
        }
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("dataset is empty (0 rows); expected at least 1");
        }
        if (x.length % d != 0) {
            throw new IllegalArgumentException("dataset: " + x.length + " feature values is not a whole number of rows"
                    + " of " + d + " features");
        }
        checkFinite("feature", x, d);
        return x.length / d;
    }

    private static void checkFinite(String what, float[] x, int perRow) {
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException("dataset: " + what + " " + i % perRow + " of row " + i / perRow
                        + " is " + x[i] + "; expected finite values");
            }
        }
    }

    private static void checkLabels(int[] labels, int n, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("dataset: " + classes + " classes, expected at least 2");
        }
        if (labels == null || labels.length != n) {
            throw new IllegalArgumentException("dataset: " + (labels == null ? "no" : labels.length) + " labels for "
                    + n + " rows; expected one per row");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("dataset: label " + labels[i] + " of row " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }

    public int rows() { return rows; }
    public int featureCount() { return featureCount; }
    public int targetCount() { return targetCount; }
    /** Number of classes, or 0 for regression/multi-label data. */
    public int classCount() { return classCount; }
    public boolean isClassification() { return labels != null; }
    /** Row-major features; not to be modified. */
    public float[] features() { return features; }
    /** Row-major targets; not to be modified. */
    public float[] targets() { return targets; }
    /** The class of each row, or null when {@link #isClassification()} is false; not to be modified. */
    public int[] labels() { return labels; }

    /** The rows at {@code indices}, in that order (copies). */
    public Dataset select(int[] indices) {
        float[] x = new float[Math.multiplyExact(indices.length, featureCount)];
        float[] y = new float[Math.multiplyExact(indices.length, targetCount)];
        int[] l = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException("dataset: row " + r + " does not exist; rows are [0, " + rows + ")");
            }
            System.arraycopy(features, r * featureCount, x, i * featureCount, featureCount);
            System.arraycopy(targets, r * targetCount, y, i * targetCount, targetCount);
            if (l != null) {
                l[i] = labels[r];
            }
        }
        return new Dataset(x, featureCount, y, targetCount, l, classCount);
    }

    /** Rows {@code [from, to)}. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new IllegalArgumentException("dataset: rows [" + from + ", " + to + ") is not a non-empty range of [0, "
                    + rows + ")");
        }
        return select(java.util.stream.IntStream.range(from, to).toArray());
    }

    /** The first {@code n} rows (all when n >= rows). */
    public Dataset head(int n) {
        return n >= rows ? this : slice(0, n);
    }

    /** The same data with features replaced, e.g. by a scaler. */
    public Dataset withFeatures(float[] newFeatures) {
        if (newFeatures.length != features.length) {
            throw new IllegalArgumentException("dataset: " + newFeatures.length + " features given, expected "
                    + features.length);
        }
        checkFinite("feature", newFeatures, featureCount);
        return new Dataset(newFeatures, featureCount, targets, targetCount, labels, classCount);
    }

    /** A seeded random permutation of [0, n) (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        permute(p, rng);
        return p;
    }

    /** Fills {@code p} with a seeded random permutation of [0, p.length), reusing the array. */
    public static void permute(int[] p, SplittableRandom rng) {
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }

    /** The rows in a seeded random order. */
    public Dataset shuffled(long seed) {
        return select(permutation(rows, new SplittableRandom(seed)));
    }

    /** Two disjoint parts after a seeded shuffle: the second holds {@code fraction} of the rows. */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction is " + fraction + ", expected a value in (0, 1)");
        }
        int second = (int) Math.round(rows * fraction);
        if (second == 0 || second == rows) {
            throw new IllegalArgumentException("split: " + fraction + " of " + rows + " rows leaves a part empty");
        }
        int[] p = permutation(rows, new SplittableRandom(seed));
        return new Split(select(java.util.Arrays.copyOfRange(p, 0, rows - second)),
                select(java.util.Arrays.copyOfRange(p, rows - second, rows)));
    }

    /** The two parts of {@link #split}. */
    public record Split(Dataset first, Dataset second) {
    }

    @Override
    public String toString() {
        return "Dataset[" + rows + " rows, " + featureCount + " features, " + (isClassification()
                ? classCount + " classes" : targetCount + " targets") + "]";
    }
}
