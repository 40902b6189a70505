package io.github.mlp4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.eval.ClassificationReport;
import io.github.mlp4j.io.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlp4j evaluate MODEL}: accuracy, confusion matrix and per-class metrics on labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluates a saved model on labelled data: the test set of an IDX directory, or a CSV file.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'mlp4j train'.")
    Path model;
    @Option(names = "--data", paramLabel = "PATH", description = "IDX directory or CSV file (default: as train).")
    Path data;
    @Option(names = "--format", defaultValue = "idx", description = "idx or csv (default: ${DEFAULT-VALUE}).")
    TrainCommand.Format format;
    @Option(names = "--label", defaultValue = "label", description = "CSV label column (default: ${DEFAULT-VALUE}).")
    String label;
    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;
    @Option(names = "--backend", description = "Backend to run on (default: the best available).")
    String backend;
    @Mixin
    Main.Common common;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ModelFile.Model m = ModelFile.load(model, Backends.get(backend));
        Dataset d = ModelData.labelled(m, data, format, label, spec.commandLine().getErr());
        ClassificationReport r = ClassificationReport.of(m.network().predictClass(d.features(), d.rows()), d.labels(),
                d.classCount(), m.classes() != null && m.classes().size() == d.classCount() ? m.classes() : null);
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r, d.rows())));
        } else {
            out.println(r.confusionTable());
            out.print(r);
        }
        return 0;
    }

    private static ObjectNode toJson(ClassificationReport r, int rows) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("rows", rows).put("accuracy", r.accuracy()).put("macroPrecision", r.macroPrecision())
                .put("macroRecall", r.macroRecall()).put("macroF1", r.macroF1());
        ArrayNode classes = o.putArray("classes");
        for (int c = 0; c < r.classes(); c++) {
            classes.addObject().put("class", c).put("precision", r.precision(c)).put("recall", r.recall(c))
                    .put("f1", r.f1(c));
        }
        ArrayNode confusion = o.putArray("confusion");
        for (long[] row : r.confusion()) {
            ArrayNode a = confusion.addArray();
            for (long v : row) {
                a.add(v);
            }
        }
        return o;
    }
}
