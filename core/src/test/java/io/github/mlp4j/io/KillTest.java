package io.github.mlp4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.nn.Network;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes killed at random moments: checkpoints survive, and the end result is unchanged. */
class KillTest {

    private static final int KILLS = Integer.getInteger("mlp4j.kills", 12);

    @TempDir
    Path dir;

    private static Process child(Class<?> main, String arg) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), main.getName(),
                arg));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void killedTrainingResumesFromItsLastCheckpointToTheSameWeights() throws Exception {
        Network straight = CheckpointChild.network();
        CheckpointChild.trainer().fit(straight, CheckpointChild.data());

        SplittableRandom rng = new SplittableRandom(1);
        Path checkpoint = dir.resolve("checkpoint.safetensors");
        int kills = 0, lastEpoch = 0;
        boolean done = false;
        // At least KILLS kills, and more (up to 4 x) until one has landed inside a write, whatever the disk's speed.
        for (int run = 0; run < 4 * KILLS + 20 && !done; run++) {
            Process p = child(CheckpointChild.class, dir.toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            if (kills < KILLS || midWrite() == 0 && kills < 4 * KILLS) {
                // Skip a random number of checkpoints, then kill within milliseconds of one starting to be written
                // (or, for some runs, between checkpoints).
                int skip = rng.nextInt(3);
                String line;
                while ((line = out.readLine()) != null && !(line.startsWith("saving") && skip-- == 0)) {
                    // read on
                }
                if (line != null) {
                    Thread.sleep(rng.nextInt(0, 4));
                    p.destroyForcibly();
                    kills++;
                }
            }
            p.waitFor(120, TimeUnit.SECONDS);
            done = Files.exists(dir.resolve("final.safetensors"));
            if (Files.exists(checkpoint)) {
                // The last complete checkpoint always loads.
                ModelFile.Model m = ModelFile.load(checkpoint, Backends.get("reference"));
                assertTrue(m.checkpoint().epochsDone() >= lastEpoch, "checkpoints never go back");
                lastEpoch = m.checkpoint().epochsDone();
            }
        }
        assertTrue(kills >= KILLS, kills + " kills");
        assertTrue(done, "training finished after " + kills + " kills");
        long midWrite = midWrite();
        System.out.println("KillTest: " + kills + " kills, " + midWrite + " of them inside a checkpoint write");
        assertTrue(midWrite > 0, "no kill landed inside a checkpoint write; the test proved less than it claims");
        float[][] expected = straight.snapshot();
        float[][] actual = ModelFile.load(dir.resolve("final.safetensors"), Backends.get("reference")).network().snapshot();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], "parameter " + i + " after " + kills + " kills");
        }
    }

    /** Temporary files a SIGKILL left behind: each one is a kill that landed inside a checkpoint write. */
    private long midWrite() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void sigtermMidWriteLeavesNeitherAPartialFileNorATemporaryOne() throws Exception {
        Path target = dir.resolve("model.safetensors");
        for (boolean existed : new boolean[] {false, true}) {
            if (existed) {
                Files.writeString(target, "the previous model");
            }
            Process p = child(SlowWriterChild.class, target.toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("writing", out.readLine());
            p.destroy(); // SIGTERM: shutdown hooks run
            p.waitFor(30, TimeUnit.SECONDS);
            try (var files = Files.list(dir)) {
                List<Path> left = files.toList();
                assertEquals(existed ? List.of(target) : List.of(), left, "what remains after SIGTERM");
            }
            if (existed) {
                assertEquals("the previous model", Files.readString(target));
            } else {
                assertFalse(Files.exists(target));
            }
        }
    }
}
