package io.github.mlp4j.cli;

import io.github.mlp4j.data.Csv;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Data prepared for a saved model: the model's scaler applied and its input size checked. */
final class ModelData {

    private ModelData() {
    }

    /** Labelled data: an IDX directory's test set (or the search path's), or a labelled CSV file. */
    static Dataset labelled(ModelFile.Model m, Path data, TrainCommand.Format format, String label,
                            java.io.PrintWriter log) throws IOException {
        Dataset d;
        if (format == TrainCommand.Format.csv) {
            if (data == null) {
                throw new IllegalArgumentException("--format csv needs --data FILE.csv");
            }
            d = DataSource.csv(data, label, m.classes() == null ? new ArrayList<>() : new ArrayList<>(m.classes()));
        } else {
            d = DataSource.idx(data, log).test();
        }
        return prepare(m, d);
    }

    /** Unlabelled rows from a CSV file (a column named {@code ignore}, if present, is dropped). */
    static float[] features(ModelFile.Model m, Path csv, String ignore) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new java.nio.file.NoSuchFileException(csv.toString(), null, "expected a CSV file with a header row");
        }
        List<String> header = Files.readAllLines(csv).stream().findFirst().map(h -> List.of(h.split(",")))
                .orElse(List.of()).stream().map(String::trim).toList();
        Csv.Table t = Csv.read(csv, header.contains(ignore) ? ignore : null);
        checkInputs(m, t.header().size(), csv.toString());
        float[] x = t.features();
        if (m.scaler() != null) {
            m.scaler().applyInPlace(x);
        }
        return x;
    }

    private static Dataset prepare(ModelFile.Model m, Dataset d) {
        checkInputs(m, d.featureCount(), "the data");
        if (d.classCount() != m.network().outputSize()) {
            throw new IllegalArgumentException("the data has " + d.classCount() + " classes, the model "
                    + m.network().outputSize());
        }
        return m.scaler() == null ? d : m.scaler().transform(d);
    }

    private static void checkInputs(ModelFile.Model m, int features, String what) {
        if (features != m.network().inputSize()) {
            throw new IllegalArgumentException(what + " has " + features + " features, the model takes "
                    + m.network().inputSize());
        }
    }
}
