package io.github.mlp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.io.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exploding learning rate: exit 1 naming epoch and iteration; the last good weights saved when asked. */
class DivergenceTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void hideInstalledData() {
        System.setProperty("mlp4j.searchPath", "");
    }

    @AfterAll
    static void restore() {
        System.clearProperty("mlp4j.searchPath");
    }

    @Test
    void divergedTrainingFailsClearlyAndSavesOnlyWhenAsked() throws Exception {
        for (boolean save : new boolean[] {false, true}) {
            Path model = dir.resolve(save + ".safetensors");
            String[] args = {"train", "--optimizer", "sgd", "--lr", "1e30", "--epochs", "3", "--layers", "32", "--quiet",
                    "--out", model.toString(), "--plot", dir.resolve("p.png").toString()};
            if (save) {
                args = java.util.Arrays.copyOf(args, args.length + 1);
                args[args.length - 1] = "--save-on-divergence";
            }
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().startsWith("mlp4j train: training diverged at epoch "), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.toString());
            assertEquals(save, Files.exists(model), r.toString());
            if (save) {
                assertTrue(r.out().contains("saved the weights of the end of epoch"), r.out());
                ModelFile.load(model, Backends.get("reference")); // finite, loadable
            }
            assertFalse(Files.exists(dir.resolve("p.png")), "no plot of a failed run");
        }
    }
}
