package io.github.mlp4j.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is not what it claims: wrong magic, bad dimensions, truncated or too long. */
public final class IdxFormatException extends IOException {

    private final transient Path file;

    public IdxFormatException(Path file, String problem) {
        super(file + " " + problem);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
