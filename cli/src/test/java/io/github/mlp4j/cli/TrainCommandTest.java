package io.github.mlp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate and predict end to end, on the bundled digits and on CSV. */
class TrainCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void hideInstalledData() {
        System.setProperty("mlp4j.searchPath", ""); // as on a machine without Fashion-MNIST
    }

    @AfterAll
    static void restore() {
        System.clearProperty("mlp4j.searchPath");
    }

    @Test
    void trainsOnTheBundledDigitsThenEvaluatesAndPredictsOnAnotherBackend() throws IOException {
        Path model = dir.resolve("digits.safetensors"), plot = dir.resolve("curves.png");
        CliRun r = CliRun.of("train", "--epochs", "8", "--layers", "64", "--batch", "32", "--lr", "0.005",
                "--out", model.toString(), "--plot", plot.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Training on the bundled 8x8 UCI handwritten digits"), r.out());
        assertTrue(r.out().contains("actual\\pred"), "confusion matrix:\n" + r.out());
        double accuracy = Double.parseDouble(r.out().replaceAll("(?s).*test accuracy ([0-9.]+).*", "$1"));
        assertTrue(accuracy >= 0.9, "digits test accuracy " + accuracy + "\n" + r);
        assertTrue(r.out().contains("samples/s"), r.out());
        assertTrue(Files.size(model) > 0 && Files.size(plot) > 0, "model and plot written");
        assertEquals("PNG", new String(Files.readAllBytes(plot), 1, 3, java.nio.charset.StandardCharsets.US_ASCII));

        CliRun eval = CliRun.of("evaluate", model.toString(), "--json", "--backend", "reference");
        assertEquals(0, eval.code(), eval.toString());
        JsonNode json = new ObjectMapper().readTree(eval.out());
        assertEquals(accuracy, json.get("accuracy").asDouble(), 1e-4, "same accuracy on the reference backend");
        assertEquals(10, json.get("confusion").size());

        Path csv = dir.resolve("rows.csv");
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < 64; j++) {
            s.append(j == 0 ? "" : ",").append("p").append(j);
        }
        s.append(",label\n");
        for (int j = 0; j < 64; j++) {
            s.append(j == 0 ? "" : ",").append(j % 8 == 3 || j % 8 == 4 ? "1" : "0"); // a vertical bar: a "1"
        }
        s.append(",1\n");
        Files.writeString(csv, s);
        Path predictions = dir.resolve("out.csv");
        CliRun p = CliRun.of("predict", model.toString(), "--input", csv.toString(), "--output", predictions.toString());
        assertEquals(0, p.code(), p.toString());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("row,class,name,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9", lines.get(0));
        String[] cells = lines.get(1).split(",");
        double sum = 0;
        for (int j = 3; j < cells.length; j++) {
            sum += Double.parseDouble(cells[j]);
        }
        assertEquals(1.0, sum, 1e-4, "probabilities sum to 1");
    }

    @Test
    void trainsOnCsvWithNamedLabelsAndResumesFromACheckpoint() throws IOException {
        SplittableRandom rng = new SplittableRandom(2);
        StringBuilder s = new StringBuilder("x,species,y\n");
        for (int i = 0; i < 300; i++) {
            double x = rng.nextDouble(-3, 3), y = rng.nextDouble(-3, 3);
            s.append(String.format(Locale.ROOT, "%.4f,%s,%.4f%n", x, x * x + y * y < 4 ? "inner" : "outer", y));
        }
        Path csv = Files.writeString(dir.resolve("rings.csv"), s);
        Path model = dir.resolve("rings.safetensors");
        String[] common = {"--format", "csv", "--data", csv.toString(), "--label", "species", "--layers", "16",
                "--dropout", "0", "--lr", "0.02", "--batch", "16", "--out", model.toString(), "--plot",
                dir.resolve("rings.png").toString(), "--quiet"};
        CliRun first = CliRun.of(concat(new String[] {"train", "--epochs", "2", "--checkpoint-every", "1"}, common));
        assertEquals(0, first.code(), first.toString());
        Path checkpoint = dir.resolve("rings.safetensors.checkpoint");
        assertTrue(Files.exists(checkpoint));
        CliRun resumed = CliRun.of(concat(new String[] {"train", "--epochs", "40", "--resume", checkpoint.toString()},
                common));
        assertEquals(0, resumed.code(), resumed.toString());
        double accuracy = Double.parseDouble(resumed.out().replaceAll("(?s).*test accuracy ([0-9.]+).*", "$1"));
        assertTrue(accuracy >= 0.9, resumed.toString());
        assertTrue(resumed.out().contains("inner"), "class names from the label column");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
