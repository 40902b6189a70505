package io.github.mlp4j.eval;

import java.util.List;
import java.util.Locale;

/**
 * Accuracy, the confusion matrix, and per-class precision, recall and F1 with their macro averages.
 * A class never predicted has precision 0; never present, recall 0 (scikit-learn's convention).
 *
 * <pre>{@code
 * ClassificationReport r = ClassificationReport.of(predicted, actual, 10);
 * System.out.println(r.accuracy());
 * System.out.println(r);                  // table
 * }</pre>
 */
public final class ClassificationReport {

    private final long[][] confusion;
    private final long total;
    private final List<String> names;

    private ClassificationReport(long[][] confusion, long total, List<String> names) {
        this.confusion = confusion;
        this.total = total;
        this.names = names;
    }

    /** From predicted and actual labels in [0, classes). */
    public static ClassificationReport of(int[] predicted, int[] actual, int classes) {
        return of(predicted, actual, classes, null);
    }

    /** As {@link #of(int[], int[], int)}, naming the classes in the table (may be null). */
    public static ClassificationReport of(int[] predicted, int[] actual, int classes, List<String> names) {
        if (predicted.length != actual.length || predicted.length == 0) {
            throw new IllegalArgumentException("classification report: " + predicted.length + " predictions for "
                    + actual.length + " labels; expected the same, non-zero number");
        }
        if (names != null && names.size() != classes) {
            throw new IllegalArgumentException(names.size() + " class names for " + classes + " classes");
        }
        long[][] c = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            int a = actual[i], p = predicted[i];
            if (a < 0 || a >= classes || p < 0 || p >= classes) {
                throw new IllegalArgumentException("classification report: row " + i + " has label " + a
                        + " and prediction " + p + ", expected both in [0, " + classes + ")");
            }
            c[a][p]++;
        }
        return new ClassificationReport(c, predicted.length, names);
    }

    public int classes() { return confusion.length; }

    /** {@code confusion()[actual][predicted]}: a copy. */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return (double) right / total;
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        long actual = 0;
        for (long v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    public double f1(int c) {
        double p = precision(c), r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroPrecision() { return macro(0); }
    public double macroRecall() { return macro(1); }
    public double macroF1() { return macro(2); }

    private double macro(int which) {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += which == 0 ? precision(c) : which == 1 ? recall(c) : f1(c);
        }
        return sum / classes();
    }

    private String name(int c) {
        return names == null ? String.valueOf(c) : names.get(c);
    }

    /** The confusion matrix as text: rows are actual classes, columns predicted ones. */
    public String confusionTable() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-14s", "actual\\pred"));
        for (int c = 0; c < classes(); c++) {
            s.append(String.format(Locale.ROOT, "%6d", c));
        }
        s.append('\n');
        for (int a = 0; a < classes(); a++) {
            s.append(String.format(Locale.ROOT, "%-14.14s", a + " " + name(a)));
            for (int p = 0; p < classes(); p++) {
                s.append(String.format(Locale.ROOT, "%6d", confusion[a][p]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-14s %9s %9s %9s %8s%n", "class", "precision",
                "recall", "f1", "support"));
        for (int c = 0; c < classes(); c++) {
            long support = 0;
            for (long v : confusion[c]) {
                support += v;
            }
            s.append(String.format(Locale.ROOT, "%-14.14s %9.4f %9.4f %9.4f %8d%n", name(c), precision(c), recall(c),
                    f1(c), support));
        }
        s.append(String.format(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f %8d%n", "macro avg", macroPrecision(),
                macroRecall(), macroF1(), total));
        s.append(String.format(Locale.ROOT, "accuracy %.4f%n", accuracy()));
        return s.toString();
    }
}
