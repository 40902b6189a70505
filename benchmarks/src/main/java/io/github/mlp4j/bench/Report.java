package io.github.mlp4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlp4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Turns a JMH JSON result file into {@code NAME.md} (tables of medians with the min-max spread over
 * measurement iterations, and the ratios that matter) and two PNG plots: training throughput against
 * batch size per backend, and GEMM GFLOP/s per shape.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.mlp4j.bench.Report results/quick "machine" a.json b.json}
 * writes {@code results/quick.md} and the plots from the results of every JSON file given.
 */
public final class Report {

    /** Median, min and max of the measurement iterations, in the benchmark's unit (ops/s). */
    record Stat(double median, double min, double max) {
        Stat times(double f) {
            return new Stat(median * f, min * f, max * f);
        }

        String show(String fmt) {
            return String.format(Locale.ROOT, fmt + " (" + fmt + "-" + fmt + ")", median, min, max);
        }
    }

    private Report() {
    }

    static Stat stat(JsonNode result) {
        return stat(result, "primaryMetric");
    }

    /** The primary metric, or a secondary one by name (as JMH names it in the JSON). */
    static Stat stat(JsonNode result, String metric) {
        JsonNode m = metric.equals("primaryMetric") ? result.path(metric)
                : result.path("secondaryMetrics").path(metric);
        List<Double> xs = new ArrayList<>();
        for (JsonNode fork : m.path("rawData")) {
            for (JsonNode v : fork) {
                xs.add(v.asDouble());
            }
        }
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return new Stat(median, s[0], s[s.length - 1]);
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args[0]);
        String machine = args[1];
        List<JsonNode> results = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            new ObjectMapper().readTree(Path.of(args[i]).toFile()).forEach(results::add);
        }
        Map<String, Stat> gemm = new LinkedHashMap<>(), train = new LinkedHashMap<>(), tta = new LinkedHashMap<>();
        Map<Integer, Stat> peak = new LinkedHashMap<>(); // GFLOP/s by threads
        Map<String, Double> allocated = new LinkedHashMap<>();
        TreeSet<Integer> batches = new TreeSet<>();
        List<String> shapes = new ArrayList<>();
        for (JsonNode r : results) {
            String bench = r.path("benchmark").asText();
            JsonNode p = r.path("params");
            Stat st = stat(r);
            if (bench.contains("FmaPeakBenchmark")) {
                peak.put(bench.endsWith("oneThread") ? 1 : 2, stat(r, "flops").times(1e-9));
            } else if (bench.contains("GemmBenchmark")) {
                String backend = bench.contains("Nd4jGemm") ? "raw Nd4j.gemm" : p.path("backend").asText();
                String shape = p.path("shape").asText();
                long[] mkn = Arrays.stream(shape.split("x")).mapToLong(Long::parseLong).toArray();
                gemm.put(backend + "|" + shape + "|" + p.path("trans").asText(), st.times(2.0 * mkn[0] * mkn[1] * mkn[2] / 1e9));
                if (!shapes.contains(shape)) {
                    shapes.add(shape);
                }
            } else if (bench.contains("TimeToAccuracy")) {
                tta.put(p.path("backend").asText() + "|" + p.path("mode").asText(), st);
            } else if (bench.contains("Training")) {
                String backend = bench.contains("Dl4j") ? "DL4J" : p.path("backend").asText();
                int batch = p.path("batch").asInt();
                batches.add(batch);
                train.put(backend + "|" + batch, st.times(batch));
                JsonNode gc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
                if (!gc.isMissingNode()) {
                    allocated.put(backend + "|" + batch, gc.path("score").asDouble());
                }
            }
        }
        String name = base.getFileName().toString();
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine).append(". Medians over measurement iterations, with the min-max "
                + "spread; ratios of medians from the same run.\n\n");
        if (!train.isEmpty()) {
            md.append("Training step of 784-256-128-10 (ReLU, softmax + cross-entropy, SGD), samples/s:\n\n");
            md.append("| batch | vector | nd4j | DL4J | vector / DL4J | nd4j / DL4J | vector / nd4j |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (int batch : batches) {
                Stat v = train.get("vector|" + batch), n = train.get("nd4j|" + batch), d = train.get("DL4J|" + batch);
                md.append("| ").append(batch == TrainingStepBenchmark.ROWS ? batch + " (full)" : batch == 1 ? "1 (stochastic)"
                        : String.valueOf(batch)).append(" | ").append(show(v, "%.0f")).append(" | ").append(show(n, "%.0f"))
                        .append(" | ").append(show(d, "%.0f")).append(" | ").append(ratio(v, d)).append(" | ")
                        .append(ratio(n, d)).append(" | ").append(ratio(v, n)).append(" |\n");
            }
            md.append('\n');
            if (!allocated.isEmpty()) {
                md.append("Bytes allocated on the heap per training step (JMH -prof gc, gc.alloc.rate.norm):\n\n");
                md.append("| batch | vector | nd4j | DL4J |\n|---|---|---|---|\n");
                for (int batch : batches) {
                    md.append("| ").append(batch);
                    for (String backend : new String[] {"vector", "nd4j", "DL4J"}) {
                        Double v = allocated.get(backend + "|" + batch);
                        md.append(" | ").append(v == null ? "-" : String.format(Locale.ROOT, "%.0f", v));
                    }
                    md.append(" |\n");
                }
                md.append('\n');
            }
        }
        if (!tta.isEmpty()) {
            md.append("Seconds of training until 0.85 test accuracy on Fashion-MNIST (784-256-128-10, Adam), single shots:"
                    + "\n\n| backend | mode | seconds |\n|---|---|---|\n");
            tta.forEach((k, v) -> md.append("| ").append(k.replace("|", " | ")).append(" | ").append(v.show("%.1f"))
                    .append(" |\n"));
            md.append('\n');
        }
        Stat top = peak.get(2);
        if (!peak.isEmpty()) {
            md.append("Register-only FMA rate of this machine (`FmaPeakBenchmark`), GFLOP/s: 1 thread ")
                    .append(show(peak.get(1), "%.0f")).append(", 2 threads ").append(show(top, "%.0f")).append(".\n\n");
        }
        if (!gemm.isEmpty()) {
            md.append("GEMM, GFLOP/s (M x K x N; NN = A B, TN = A^T B, NT = A B^T)")
                    .append(top == null ? "" : "; vector % of peak: of the 2-thread FMA rate above").append(":\n\n");
            md.append("| shape | op | vector | nd4j backend | raw Nd4j.gemm | vector / raw | nd4j / raw "
                    + "| vector % of peak |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (String shape : shapes) {
                for (String t : new String[] {"NN", "TN", "NT"}) {
                    Stat v = gemm.get("vector|" + shape + "|" + t), n = gemm.get("nd4j|" + shape + "|" + t);
                    Stat raw = gemm.get("raw Nd4j.gemm|" + shape + "|" + t);
                    if (v == null && n == null && raw == null) {
                        continue;
                    }
                    md.append("| ").append(shape).append(" | ").append(t).append(" | ").append(show(v, "%.1f"))
                            .append(" | ").append(show(n, "%.1f")).append(" | ").append(show(raw, "%.1f")).append(" | ")
                            .append(ratio(v, raw)).append(" | ").append(ratio(n, raw)).append(" | ")
                            .append(v == null || top == null ? "-"
                                    : String.format(Locale.ROOT, "%.0f", 100 * v.median() / top.median()))
                            .append(" |\n");
                }
            }
        }
        Path dir = base.toAbsolutePath().getParent();
        AtomicFiles.write(dir.resolve(name + ".md"), out -> out.write(md.toString().getBytes(StandardCharsets.UTF_8)));
        if (!train.isEmpty()) {
            XYChart c = new XYChartBuilder().width(800).height(500).title("Training throughput, 784-256-128-10")
                    .xAxisTitle("batch size").yAxisTitle("samples/s").build();
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
            for (String backend : new String[] {"vector", "nd4j", "DL4J"}) {
                List<Integer> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int batch : batches) {
                    Stat s = train.get(backend + "|" + batch);
                    if (s != null) {
                        xs.add(batch);
                        ys.add(s.median());
                    }
                }
                if (!xs.isEmpty()) {
                    c.addSeries(backend, xs, ys);
                }
            }
            png(dir.resolve(name + "-training.png"), BitmapEncoder.getBufferedImage(c));
        }
        if (!gemm.isEmpty()) {
            CategoryChart c = new CategoryChartBuilder().width(900).height(500).title("GEMM A B, GFLOP/s")
                    .xAxisTitle("M x K x N").yAxisTitle("GFLOP/s").build();
            c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
            for (String backend : new String[] {"vector", "nd4j", "raw Nd4j.gemm"}) {
                List<String> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (String shape : shapes) {
                    Stat s = gemm.get(backend + "|" + shape + "|NN");
                    if (s != null) {
                        xs.add(shape);
                        ys.add(s.median());
                    }
                }
                if (!xs.isEmpty()) {
                    c.addSeries(backend, xs, ys);
                }
            }
            png(dir.resolve(name + "-gemm.png"), BitmapEncoder.getBufferedImage(c));
        }
        System.out.print(md);
    }

    private static String show(Stat s, String fmt) {
        return s == null ? "-" : s.show(fmt);
    }

    private static String ratio(Stat a, Stat b) {
        return a == null || b == null ? "-" : String.format(Locale.ROOT, "%.2f", a.median() / b.median());
    }

    private static void png(Path file, java.awt.image.BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> javax.imageio.ImageIO.write(image, "png", out));
    }
}
