package io.github.mlp4j.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Csv;
import io.github.mlp4j.data.Idx;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the three readers: truncations, byte flips, lying sizes, appended junk.
 * Each mutant must load or fail with an IOException or IllegalArgumentException that says something;
 * none may hang, throw anything else, or allocate more than {@link #MAX_BYTES} while trying.
 * {@code -Dmlp4j.fuzz.rounds=N} runs more (the {@code reliability} profile sets 20000).
 */
class ReaderFuzzTest {

    private static final int ROUNDS = Integer.getInteger("mlp4j.fuzz.rounds", 1500);
    private static final long MAX_BYTES = 64L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    interface Reader {
        void read(Path file) throws Exception;
    }

    private static byte[] mutate(byte[] base, SplittableRandom rng) {
        byte[] m = base.clone();
        switch (rng.nextInt(5)) {
            case 0 -> m = java.util.Arrays.copyOf(m, rng.nextInt(m.length)); // truncate
            case 1 -> { // flip a few bytes
                for (int i = rng.nextInt(1, 9); i > 0; i--) {
                    m[rng.nextInt(m.length)] ^= (byte) rng.nextInt(1, 256);
                }
            }
            case 2 -> { // a random int, often huge or negative, somewhere in the first 64 bytes
                int at = rng.nextInt(Math.max(1, Math.min(60, m.length - 4)));
                ByteBuffer.wrap(m).putInt(Math.min(at, Math.max(0, m.length - 4)), rng.nextInt());
            }
            case 3 -> { // append junk
                m = java.util.Arrays.copyOf(m, m.length + rng.nextInt(1, 100));
                for (int i = base.length; i < m.length; i++) {
                    m[i] = (byte) rng.nextInt();
                }
            }
            default -> m = new byte[rng.nextInt(3)]; // empty or nearly
        }
        return m;
    }

    private void fuzz(String name, byte[] base, Reader reader, long seed) throws Exception {
        reader.read(Files.write(dir.resolve(name), base)); // the unmutated file loads
        SplittableRandom rng = new SplittableRandom(seed);
        Path file = dir.resolve("mutant-" + name);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int failures = 0;
            for (int round = 0; round < ROUNDS; round++) {
                byte[] m = mutate(base, rng);
                Files.write(file, m);
                long before = THREADS.getCurrentThreadAllocatedBytes();
                try {
                    reader.read(file);
                } catch (IOException | IllegalArgumentException e) {
                    assertNotNull(e.getMessage(), "round " + round + ": " + e);
                    failures++;
                } catch (Throwable t) {
                    Files.write(dir.resolve("crash-" + name), m);
                    fail("round " + round + " of " + name + ": " + t, t);
                }
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < MAX_BYTES, "round " + round + " allocated " + allocated + " bytes");
            }
            assertTrue(failures > ROUNDS / 10, "most mutants should be rejected, " + failures + " were");
        });
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void idxFiles() throws Exception {
        ByteBuffer images = ByteBuffer.allocate(16 + 5 * 28 * 28).putInt(0x0803).putInt(5).putInt(28).putInt(28);
        for (int i = 16; i < images.capacity(); i++) {
            images.put(i, (byte) (i * 31));
        }
        byte[] labels = ByteBuffer.allocate(8 + 5).putInt(0x0801).putInt(5).put(new byte[] {0, 9, 3, (byte) 200, 1}).array();
        fuzz("images", images.array(), Idx::readImages, 1);
        fuzz("images.gz", gzip(images.array()), Idx::readImages, 2);
        fuzz("labels.gz", gzip(labels), Idx::readLabels, 3);
    }

    @Test
    void csvFiles() throws Exception {
        StringBuilder s = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 20; i++) {
            s.append(i * 0.5).append(',').append(-i).append(',').append(1e3 * i).append(',').append(i % 3).append('\n');
        }
        fuzz("data.csv", s.toString().getBytes(), f -> Csv.read(f, "label"), 4);
    }

    @Test
    void modelFiles() throws Exception {
        Network net = Network.builder().input(6).dense(8, Activation.PRELU).dropout(0.1f).dense(3, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).build(Backends.get("reference"));
        Path good = dir.resolve("good.safetensors");
        ModelFile.save(good, new ModelFile.Model(net, null, java.util.List.of("a", "b", "c"), "x", null));
        fuzz("model.safetensors", Files.readAllBytes(good), f -> ModelFile.load(f, Backends.get("reference")), 5);
    }
}
