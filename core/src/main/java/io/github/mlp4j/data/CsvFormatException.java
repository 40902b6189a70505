package io.github.mlp4j.data;

import java.io.IOException;
import java.nio.file.Path;

/** A CSV file that is not a numeric table as expected, naming the line. */
public final class CsvFormatException extends IOException {

    public CsvFormatException(Path file, int line, String problem) {
        super(file + " line " + line + " " + problem);
    }
}
