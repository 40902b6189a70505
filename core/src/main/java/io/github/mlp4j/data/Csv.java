package io.github.mlp4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads numeric CSV with a header row: comma-separated, no quoting (numbers need none), blank lines
 * skipped. One column may be the label, chosen by name or 0-based index; every other column is a
 * feature and must parse as a number.
 */
public final class Csv {

    /**
     * A parsed table.
     *
     * @param header       the feature columns' names
     * @param features     rows x header.size(), row-major
     * @param labels       the label column's text per row, or null when no label column was asked for
     */
    public record Table(List<String> header, float[] features, String[] labels, int rows) {
    }

    private Csv() {
    }

    /**
     * @param labelColumn a column name or 0-based index, or null for features only (then a column of that
     *                    name is not required)
     */
    public static Table read(Path file, String labelColumn) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new CsvFormatException(file, 1, "is empty; expected a header row of column names");
            }
            String[] names = split(headerLine);
            int label = -1;
            if (labelColumn != null) {
                label = Arrays.asList(names).indexOf(labelColumn);
                if (label < 0 && labelColumn.matches("\\d+")) {
                    label = Integer.parseInt(labelColumn);
                }
                if (label < 0 || label >= names.length) {
                    throw new CsvFormatException(file, 1, "has no label column '" + labelColumn + "'; columns: "
                            + String.join(", ", names));
                }
            }
            List<String> header = new ArrayList<>();
            for (int j = 0; j < names.length; j++) {
                if (j != label) {
                    header.add(names[j]);
                }
            }
            int d = header.size();
            if (d == 0) {
                throw new CsvFormatException(file, 1, "has no feature columns besides the label");
            }
            float[] x = new float[1024 * d];
            List<String> labels = new ArrayList<>();
            int rows = 0, lineNo = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                if (cells.length != names.length) {
                    throw new CsvFormatException(file, lineNo, "has " + cells.length + " columns, expected "
                            + names.length + " (as the header)");
                }
                if ((long) (rows + 1) * d > Integer.MAX_VALUE - 8) {
                    throw new CsvFormatException(file, lineNo, "makes the table larger than one array can hold");
                }
                if ((rows + 1) * d > x.length) {
                    x = Arrays.copyOf(x, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * x.length));
                }
                for (int j = 0, f = 0; j < cells.length; j++) {
                    if (j == label) {
                        labels.add(cells[j]);
                        continue;
                    }
                    float v;
                    try {
                        v = Float.parseFloat(cells[j]);
                    } catch (NumberFormatException e) {
                        throw new CsvFormatException(file, lineNo, "column '" + names[j] + "' holds '" + cells[j]
                                + "', expected a number");
                    }
                    if (!Float.isFinite(v)) {
                        throw new CsvFormatException(file, lineNo, "column '" + names[j] + "' holds " + cells[j]
                                + ", expected a finite number");
                    }
                    x[rows * d + f++] = v;
                }
                rows++;
            }
            if (rows == 0) {
                throw new CsvFormatException(file, lineNo, "has a header but no data rows");
            }
            return new Table(List.copyOf(header), Arrays.copyOf(x, rows * d),
                    label < 0 ? null : labels.toArray(String[]::new), rows);
        }
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }

    /**
     * Class indices for label texts: when every label is a whole number in [0, 1000), the number itself
     * (so classes keep their meaning); otherwise the position of the label among the sorted distinct ones.
     *
     * @param names filled with the class names, by index
     */
    public static int[] classIndices(String[] labels, List<String> names) {
        boolean numeric = Arrays.stream(labels).allMatch(s -> s.matches("\\d{1,3}"));
        int[] y = new int[labels.length];
        if (numeric) {
            int max = 0;
            for (int i = 0; i < labels.length; i++) {
                y[i] = Integer.parseInt(labels[i]);
                max = Math.max(max, y[i]);
            }
            for (int c = 0; c <= Math.max(max, 1); c++) {
                names.add(String.valueOf(c));
            }
            return y;
        }
        List<String> distinct = Arrays.stream(labels).distinct().sorted().toList();
        names.addAll(distinct);
        for (int i = 0; i < labels.length; i++) {
            y[i] = distinct.indexOf(labels[i]);
        }
        return y;
    }
}
