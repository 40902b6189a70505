package io.github.mlp4j.cli;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.io.AtomicFiles;
import io.github.mlp4j.io.ModelFile;
import io.github.mlp4j.nn.Classes;
import io.github.mlp4j.nn.Dense;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlp4j predict MODEL --input rows.csv}: the class and the probabilities of each row. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predicts the class and class probabilities of each row of a CSV file (header row; a label "
                + "column, if present, is ignored).")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'mlp4j train'.")
    Path model;
    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Rows to predict.")
    Path input;
    @Option(names = "--output", paramLabel = "CSV", description = "Write here (atomically) instead of stdout.")
    Path output;
    @Option(names = "--label", defaultValue = "label", description = "A column to ignore if present (default: "
            + "${DEFAULT-VALUE}).")
    String label;
    @Option(names = "--backend", description = "Backend to run on (default: the best available).")
    String backend;
    @Mixin
    Main.Common common;

    @Override
    public Integer call() throws IOException {
        ModelFile.Model m = ModelFile.load(model, Backends.get(backend));
        float[] x = ModelData.features(m, input, label);
        int rows = x.length / m.network().inputSize(), k = m.network().outputSize();
        float[] p = m.network().predict(x, rows);
        int[] classes = Classes.of(p, rows, k, ((Dense) m.network().layers().getLast()).activation());
        if (output == null) {
            write(spec.commandLine().getOut(), m, p, classes, k);
        } else {
            AtomicFiles.write(output, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                write(new PrintWriter(w), m, p, classes, k);
                w.flush();
            });
        }
        return 0;
    }

    private static void write(PrintWriter w, ModelFile.Model m, float[] p, int[] classes, int k) {
        StringBuilder header = new StringBuilder("row,class,name");
        for (int j = 0; j < k; j++) {
            header.append(",p_").append(m.classes() != null && j < m.classes().size() ? m.classes().get(j) : j);
        }
        w.println(header);
        for (int i = 0; i < classes.length; i++) {
            StringBuilder line = new StringBuilder().append(i).append(',').append(classes[i]).append(',')
                    .append(m.classes() != null && classes[i] < m.classes().size() ? m.classes().get(classes[i]) : "");
            for (int j = 0; j < k; j++) {
                line.append(',').append(String.format(Locale.ROOT, "%.6f", p[i * k + j]));
            }
            w.println(line);
        }
        w.flush();
    }
}
