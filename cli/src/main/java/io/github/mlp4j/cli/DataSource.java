package io.github.mlp4j.cli;

import io.github.mlp4j.data.Csv;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.data.FashionMnist;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Finds and loads the data a command works on: IDX (Fashion-MNIST layout), CSV, or the bundled digits. */
final class DataSource {

    /** Training and test data, the class names, and where they came from. */
    record Loaded(Dataset train, Dataset test, List<String> classes, String description) {
    }

    /** The places searched for Fashion-MNIST when no --data is given, in order. */
    static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String override = System.getProperty("mlp4j.searchPath");
        if (override != null) { // tests: a search path that does not depend on what the machine has installed
            for (String p : override.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    dirs.add(Path.of(p));
                }
            }
            return dirs;
        }
        String env = System.getenv("MLP4J_DATA");
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(cacheDir());
        dirs.add(FashionMnist.DEBIAN_DIR);
        return dirs;
    }

    static Path cacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "mlp4j", "fashion-mnist");
    }

    private DataSource() {
    }

    /**
     * Loads IDX data from {@code data} (a directory), or from the search path when null; falls back to
     * the bundled digits, saying so on {@code log}, when nothing is found and {@code data} was not given.
     */
    static Loaded idx(Path data, java.io.PrintWriter log) throws IOException {
        if (data != null) {
            if (!FashionMnist.isPresent(data)) {
                throw new java.nio.file.NoSuchFileException(data.toString(), null, "expected the four Fashion-MNIST/MNIST"
                        + " IDX files (train-images-idx3-ubyte[.gz], ...)");
            }
            return fashion(data);
        }
        for (Path dir : searchPath()) {
            if (FashionMnist.isPresent(dir)) {
                return fashion(dir);
            }
        }
        log.println("No Fashion-MNIST found (looked in " + (searchPath().isEmpty() ? "no directory" : searchPath())
                + "). Get it with 'mlp4j train --download' or Debian's 'apt-get install dataset-fashion-mnist'.");
        log.println("Training on the bundled 8x8 UCI handwritten digits instead (1,797 images, CC BY 4.0).");
        return digits();
    }

    private static Loaded fashion(Path dir) throws IOException {
        FashionMnist.Data d = FashionMnist.load(dir);
        return new Loaded(d.train(), d.test(), FashionMnist.CLASSES, "Fashion-MNIST from " + dir);
    }

    /** The bundled digits, pixels scaled to [0, 1], split 80/20 with a fixed seed. */
    static Loaded digits() throws IOException {
        int rows = 1797, d = 64;
        float[] x = new float[rows * d];
        int[] y = new int[rows];
        try (InputStream in = DataSource.class.getResourceAsStream("digits.csv.gz")) {
            if (in == null) {
                throw new IOException("the bundled digits are missing from the jar");
            }
            String[] lines = new String(new GZIPInputStream(in).readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .split("\n");
            for (int i = 0; i < rows; i++) {
                String[] cells = lines[i].split(",");
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = Float.parseFloat(cells[j]) / 16f;
                }
                y[i] = (int) Float.parseFloat(cells[d]);
            }
        }
        Dataset all = Dataset.ofClasses(x, d, y, 10);
        Dataset.Split s = all.split(0.2, 2026);
        return new Loaded(s.first(), s.second(), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                "bundled UCI digits (8x8)");
    }

    /**
     * A labelled CSV file as a classification dataset; the label column must be present. With
     * {@code classNames} empty, classes are taken from the labels and added to it; otherwise labels are
     * looked up in it.
     */
    static Dataset csv(Path file, String labelColumn, List<String> classNames) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "expected a CSV file with a header row");
        }
        Csv.Table t = Csv.read(file, labelColumn);
        int[] y;
        if (classNames.isEmpty()) {
            y = Csv.classIndices(t.labels(), classNames);
        } else {
            // A model's data: labels must be among the classes it was trained on, by name.
            y = new int[t.rows()];
            for (int i = 0; i < y.length; i++) {
                y[i] = classNames.indexOf(t.labels()[i]);
                if (y[i] < 0) {
                    throw new IllegalArgumentException(file + ": label '" + t.labels()[i] + "' of data row " + (i + 1)
                            + " is not one of the model's classes " + classNames);
                }
            }
        }
        try {
            return Dataset.ofClasses(t.features(), t.header().size(), y, Math.max(classNames.size(), 2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
