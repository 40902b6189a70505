package io.github.mlp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's bad input: exit code 2 and one line on standard error, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void badInput(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code(), r.toString());
        assertEquals(expected, r.err().strip(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line:\n" + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void missingFilesAndWrongFormats() throws IOException {
        Path nothing = dir.resolve("nope");
        badInput("mlp4j train: no such file: " + nothing + " (expected the four Fashion-MNIST/MNIST IDX files "
                + "(train-images-idx3-ubyte[.gz], ...))", "train", "--data", nothing.toString());
        badInput("mlp4j: Invalid value for option '--format': expected one of [idx, csv] (case-sensitive) but was "
                + "'xml' (see 'mlp4j train --help')", "train", "--format", "xml");
        badInput("mlp4j evaluate: no such file: " + nothing, "evaluate", nothing.toString());
        Path junk = Files.writeString(dir.resolve("junk.safetensors"), "not a model at all");
        badInput("mlp4j evaluate: " + junk + ": declares a 8029109312199880558-byte header, but 10 bytes follow the "
                + "length (and at most 104857600 are allowed)", "evaluate", junk.toString());
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,b\n1,2\n3,4\n");
        badInput("mlp4j train: " + csv + " line 1 has no label column 'label'; columns: a, b", "train", "--format", "csv",
                "--data", csv.toString());
        Path bad = Files.writeString(dir.resolve("e.csv"), "a,label\n1,0\nx,1\n");
        badInput("mlp4j train: " + bad + " line 3 column 'a' holds 'x', expected a number", "train", "--format", "csv",
                "--data", bad.toString());
    }

    @Test
    void unknownBackendsOptionsAndValues() {
        badInput("mlp4j train: unknown backend 'gpu' (from the argument); installed: vector, reference", "train",
                "--backend", "gpu");
        badInput("mlp4j: Unknown option: '--colour' (see 'mlp4j train --help')", "train", "--colour");
        badInput("mlp4j train: unknown activation 'swish'; expected one of identity, step, sign, hard_sigmoid, sigmoid, "
                + "tanh, relu, leaky_relu(slope), prelu, softplus, softmax", "train", "--activation", "swish",
                "--data", "/usr/share/datasets/fashion-mnist", "--epochs", "1");
        badInput("mlp4j: Unknown option: '--nope' (see 'mlp4j backends --help')", "backends", "--nope");
    }
}
