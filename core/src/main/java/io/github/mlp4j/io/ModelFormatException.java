package io.github.mlp4j.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be read: truncated, corrupted, or not matching its own architecture. */
public final class ModelFormatException extends IOException {

    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
