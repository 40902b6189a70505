package io.github.mlp4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.data.Scaler;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.optim.Adam;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.Trainer;
import io.github.mlp4j.train.TrainingListener;
import io.github.mlp4j.train.TrainingState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips, the format read by an independent parser, corrupted files, and exact resumption. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static Dataset data() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 120, d = 6;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) rng.nextDouble(-2, 2);
            }
            y[i] = x[i * d] + x[i * d + 1] > 0 ? (x[i * d + 2] > 0 ? 2 : 1) : 0;
        }
        return Dataset.ofClasses(x, d, y, 3);
    }

    private static Network network() {
        return Network.builder().input(6).dense(8, Activation.PRELU).dropout(0.1f).dense(3, Activation.SOFTMAX)
                .loss(Loss.CATEGORICAL_CROSS_ENTROPY).seed(3).build(Backends.get("reference"));
    }

    private static Trainer trainer(int epochs, TrainingListener... listeners) {
        Trainer.Builder b = Trainer.builder().mode(GradientDescent.miniBatch(16)).optimizer(new Adam(0.01f))
                .epochs(epochs).seed(5);
        for (TrainingListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    @Test
    void roundTripKeepsPredictionsScalerAndClasses() throws IOException {
        Dataset d = data();
        Scaler scaler = Scaler.standardize(d);
        Network net = network();
        trainer(3).fit(net, scaler.transform(d));
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(file, new ModelFile.Model(net, scaler, List.of("a", "b", "c"), "settings", null));
        ModelFile.Model loaded = ModelFile.load(file, Backends.get("reference"));
        float[] x = scaler.transform(d).features();
        assertArrayEquals(net.predict(x, d.rows()), loaded.network().predict(x, d.rows()), 0f);
        assertEquals(net.toString(), loaded.network().toString());
        assertArrayEquals(scaler.shift(), loaded.scaler().shift());
        assertEquals(List.of("a", "b", "c"), loaded.classes());
        assertEquals("settings", loaded.training());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "readable like any new file, not the temp file's 0600");
    }

    /** Parses the file by the published format alone: length, JSON header, offsets, little-endian floats. */
    @Test
    void independentReaderSeesStandardSafetensors() throws IOException {
        Network net = network();
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, new ModelFile.Model(net, null, null, null, null));
        byte[] bytes = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + n) % 8, "header padded to 8 bytes");
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        JsonNode w = header.get("dense0.W");
        assertEquals("F32", w.get("dtype").asText());
        assertEquals("[6,8]", w.get("shape").toString());
        int begin = w.get("data_offsets").get(0).asInt(), end = w.get("data_offsets").get(1).asInt();
        assertEquals(6 * 8 * 4, end - begin);
        float[] values = new float[48];
        ByteBuffer.wrap(bytes, 8 + (int) n + begin, end - begin).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        assertArrayEquals(net.weights(0), values);
        JsonNode meta = new ObjectMapper().readTree(header.get("__metadata__").get("mlp4j").asText());
        assertEquals("prelu", meta.get("layers").get(0).get("activation").asText());
        assertEquals(0.1, meta.get("layers").get(1).get("dropRate").asDouble(), 1e-7);
        assertTrue(header.has("dense0.slope"));
    }

    private Path saved() throws IOException {
        Path file = dir.resolve("ok.safetensors");
        ModelFile.save(file, new ModelFile.Model(network(), null, null, null, null));
        return file;
    }

    private void fails(String expectedEnd, byte[] content) throws IOException {
        Path bad = Files.write(dir.resolve("bad.safetensors"), content);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFile.load(bad, Backends.get("reference")));
        assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
        assertEquals(expectedEnd, e.getMessage().substring(bad.toString().length() + 2));
    }

    @Test
    void truncatedAndCorruptedFilesFailClearly() throws IOException {
        byte[] ok = Files.readAllBytes(saved());
        long n = ByteBuffer.wrap(ok, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        fails("is 5 bytes, too short for a safetensors file (its header length alone takes 8)",
                java.util.Arrays.copyOf(ok, 5));
        byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 10);
        Path t = Files.write(dir.resolve("bad.safetensors"), truncated);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(t, Backends.get("reference")));
        assertTrue(e.getMessage().contains("(is the file truncated?)"), e.getMessage());
        byte[] hugeHeader = ok.clone();
        ByteBuffer.wrap(hugeHeader).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        fails("declares a 1099511627776-byte header, but " + (ok.length - 8) + " bytes follow the length (and at most "
                + (100L << 20) + " are allowed)", hugeHeader);
        byte[] badJson = ok.clone();
        badJson[8] = '[';
        assertThrows(ModelFormatException.class, () -> ModelFile.load(Files.write(dir.resolve("j.safetensors"), badJson),
                Backends.get("reference")));
        byte[] extra = java.util.Arrays.copyOf(ok, ok.length + 4);
        fails("has 4 bytes after its last tensor", extra);
        // Flip a shape in the header: 8 becomes 9 units.
        String header = new String(ok, 8, (int) n, StandardCharsets.UTF_8);
        byte[] reshaped = ok.clone();
        byte[] h = header.replace("\"shape\":[6,8]", "\"shape\":[6,9]").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, reshaped, 8, h.length);
        fails("tensor dense0.W has 192 bytes, its shape [6,9] of F32 needs 216", reshaped);
    }

    /** Two epochs, a checkpoint, a fresh network loaded from it, two more: the same weights as four at once. */
    @Test
    void resumingFromACheckpointEqualsAnUninterruptedRun() throws IOException {
        Dataset d = data();
        Network straight = network();
        trainer(4).fit(straight, d);

        Network first = network();
        Path cp = dir.resolve("cp.safetensors");
        trainer(2, new TrainingListener() {
            @Override
            public void onEpochEnd(io.github.mlp4j.train.EpochStats stats, Supplier<TrainingState> state) {
                try {
                    ModelFile.save(cp, new ModelFile.Model(first, null, null, null, state.get()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }).fit(first, d);
        ModelFile.Model restored = ModelFile.load(cp, Backends.get("reference"));
        assertEquals(2, restored.checkpoint().epochsDone());
        trainer(4).resume(restored.network(), d, restored.checkpoint());
        float[][] a = straight.snapshot(), b = restored.network().snapshot();
        for (int p = 0; p < a.length; p++) {
            assertArrayEquals(a[p], b[p], "parameter " + p + " after resuming");
        }
    }
}
