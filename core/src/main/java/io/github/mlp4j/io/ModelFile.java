package io.github.mlp4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.data.Scaler;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Dense;
import io.github.mlp4j.nn.Dropout;
import io.github.mlp4j.nn.Initializer;
import io.github.mlp4j.nn.Layer;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.nn.NetworkBuilder;
import io.github.mlp4j.nn.Parameter;
import io.github.mlp4j.train.TrainingState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One model per file, in the safetensors format so that Python's {@code safetensors} reads it:
 * parameters as float32 tensors named like {@link Parameter#name()} ({@code dense0.W} is inputs x units),
 * the scaler as {@code scaler.shift}/{@code scaler.scale}, a checkpoint's optimizer state as
 * {@code optimizer.<parameter>.<i>}, and under the metadata key {@value #METADATA_KEY} a JSON document
 * with the architecture, seed, loss, scaler kind, class names, the backend and library version that
 * wrote it, and the training settings.
 *
 * <pre>{@code
 * ModelFile.save(path, new ModelFile.Model(net, scaler, classes, trainer.toString(), null));
 * ModelFile.Model m = ModelFile.load(path, Backends.get());
 * }</pre>
 *
 * <p>Files are written atomically ({@link AtomicFiles}); reading validates the container and checks
 * every tensor against the architecture.
 */
public final class ModelFile {

    /** The safetensors metadata key holding mlp4j's JSON. */
    public static final String METADATA_KEY = "mlp4j";
    /** Bumped when the layout changes incompatibly. */
    public static final int FORMAT = 1;

    /**
     * A model and what belongs with it.
     *
     * @param network    the network (its backend is where it lives)
     * @param scaler     the feature scaling fitted on the training data, or null
     * @param classes    class names by label, or null
     * @param training   the training settings as text ({@code Trainer.toString()}), or null
     * @param checkpoint optimizer state and counters to resume from, or null for a final model
     */
    public record Model(Network network, Scaler scaler, List<String> classes, String training,
                        TrainingState checkpoint) {
    }

    private ModelFile() {
    }

    /** The library version, from the build. */
    public static String libraryVersion() {
        try (InputStream in = ModelFile.class.getResourceAsStream("/io/github/mlp4j/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Writes {@code model} to {@code file} atomically. */
    public static void save(Path file, Model model) throws IOException {
        Network net = model.network();
        ObjectNode meta = Safetensors.JSON.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("library", "mlp4j " + libraryVersion());
        meta.put("backend", net.backend().name());
        meta.put("input", net.inputSize());
        ArrayNode layers = meta.putArray("layers");
        for (Layer l : net.layers()) {
            ObjectNode o = layers.addObject();
            switch (l) {
                case Dense d -> o.put("type", "dense").put("units", d.units()).put("activation", d.activation().id())
                        .put("initializer", d.effectiveInitializer().id());
                case Dropout d -> o.put("type", "dropout").put("dropRate", d.dropRate());
            }
        }
        meta.put("loss", net.loss().id());
        meta.put("seed", net.seed());
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        float[][] values = net.snapshot();
        for (int i = 0; i < values.length; i++) {
            Parameter p = net.parameters().get(i);
            tensors.put(p.name(), new Safetensors.Tensor(new int[] {p.value().rows(), p.value().cols()}, values[i]));
        }
        if (model.scaler() != null) {
            Scaler s = model.scaler();
            meta.put("scaler", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            tensors.put("scaler.shift", new Safetensors.Tensor(new int[] {1, s.shift().length}, s.shift()));
            tensors.put("scaler.scale", new Safetensors.Tensor(new int[] {1, s.scale().length}, s.scale()));
        }
        if (model.classes() != null) {
            ArrayNode c = meta.putArray("classes");
            model.classes().forEach(c::add);
        }
        if (model.training() != null) {
            meta.put("training", model.training());
        }
        TrainingState cp = model.checkpoint();
        if (cp != null) {
            ObjectNode c = meta.putObject("checkpoint");
            c.put("epochsDone", cp.epochsDone()).put("iterations", cp.iterations())
                    .put("trainingPasses", cp.trainingPasses());
            c.put("statePerParameter", cp.optimizerState().length == 0 ? 0 : cp.optimizerState()[0].length);
            for (int i = 0; i < cp.optimizerState().length; i++) {
                Parameter p = net.parameters().get(i);
                for (int j = 0; j < cp.optimizerState()[i].length; j++) {
                    tensors.put("optimizer." + p.name() + "." + j, new Safetensors.Tensor(
                            new int[] {p.value().rows(), p.value().cols()}, cp.optimizerState()[i][j]));
                }
            }
        }
        String json = Safetensors.JSON.writeValueAsString(meta);
        AtomicFiles.write(file, out -> Safetensors.write(out, tensors, Map.of(METADATA_KEY, json)));
    }

    /** Reads {@code file} and builds its network on {@code backend}. */
    public static Model load(Path file, Backend backend) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        String json = c.metadata().get(METADATA_KEY);
        if (json == null) {
            throw new ModelFormatException(file, "has no '" + METADATA_KEY + "' metadata; not an mlp4j model");
        }
        JsonNode meta;
        try {
            meta = Safetensors.JSON.readTree(json);
        } catch (IOException e) {
            throw new ModelFormatException(file, "metadata is not valid JSON", e);
        }
        if (meta.path("format").asInt(-1) != FORMAT) {
            throw new ModelFormatException(file, "has format " + meta.path("format") + ", this mlp4j reads " + FORMAT);
        }
        // Every layer's tensors are checked against the architecture before anything is allocated, so
        // metadata claiming huge layers cannot exhaust memory: the tensors are bounded by the file.
        int width = meta.path("input").asInt(-1), layer = 0;
        for (JsonNode l : meta.path("layers")) {
            if ("dense".equals(l.path("type").asText())) {
                int units = l.path("units").asInt(-1);
                tensor(file, c, "dense" + layer + ".W", width, units);
                tensor(file, c, "dense" + layer + ".b", 1, units);
                width = units;
            }
            layer++;
        }
        Network net;
        try {
            NetworkBuilder b = Network.builder().input(meta.path("input").asInt(-1))
                    .loss(Loss.parse(meta.path("loss").asText("?"))).seed(meta.path("seed").asLong());
            int i = 0;
            for (JsonNode l : meta.path("layers")) {
                switch (l.path("type").asText()) {
                    case "dense" -> b.dense(l.path("units").asInt(-1), Activation.parse(l.path("activation").asText("?")),
                            Initializer.parse(l.path("initializer").asText("?")));
                    case "dropout" -> b.dropout((float) l.path("dropRate").asDouble(Double.NaN));
                    default -> throw new IllegalArgumentException("layer " + i + " has type " + l.path("type")
                            + ", expected dense or dropout");
                }
                i++;
            }
            net = b.build(backend);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, "architecture: " + e.getMessage(), e);
        }
        float[][] values = new float[net.parameters().size()][];
        for (int i = 0; i < values.length; i++) {
            Parameter p = net.parameters().get(i);
            values[i] = tensor(file, c, p.name(), p.value().rows(), p.value().cols()).data();
        }
        try {
            net.restore(values);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, "parameters: " + e.getMessage(), e);
        }
        Scaler scaler = null;
        if (meta.hasNonNull("scaler")) {
            Scaler.Kind kind;
            try {
                kind = Scaler.Kind.valueOf(meta.get("scaler").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "unknown scaler " + meta.get("scaler"));
            }
            scaler = new Scaler(kind, tensor(file, c, "scaler.shift", 1, net.inputSize()).data(),
                    tensor(file, c, "scaler.scale", 1, net.inputSize()).data());
        }
        List<String> classes = null;
        if (meta.has("classes")) {
            classes = new ArrayList<>();
            for (JsonNode n : meta.get("classes")) {
                classes.add(n.asText());
            }
        }
        TrainingState checkpoint = null;
        if (meta.has("checkpoint")) {
            JsonNode cp = meta.get("checkpoint");
            int perParam = cp.path("statePerParameter").asInt(0);
            float[][][] state = new float[net.parameters().size()][perParam][];
            for (int i = 0; i < state.length; i++) {
                Parameter p = net.parameters().get(i);
                for (int j = 0; j < perParam; j++) {
                    state[i][j] = tensor(file, c, "optimizer." + p.name() + "." + j, p.value().rows(), p.value().cols())
                            .data();
                }
            }
            checkpoint = new TrainingState(cp.path("epochsDone").asInt(), cp.path("iterations").asLong(),
                    cp.path("trainingPasses").asLong(), state);
        }
        return new Model(net, scaler, classes, meta.path("training").asText(null), checkpoint);
    }

    private static Safetensors.Tensor tensor(Path file, Safetensors.Contents c, String name, int rows, int cols)
            throws ModelFormatException {
        Safetensors.Tensor t = c.tensors().get(name);
        if (t == null) {
            throw new ModelFormatException(file, "tensor " + name + " is missing");
        }
        if (t.shape().length != 2 || t.shape()[0] != rows || t.shape()[1] != cols) {
            throw new ModelFormatException(file, "tensor " + name + " has shape " + java.util.Arrays.toString(t.shape())
                    + ", the architecture needs [" + rows + ", " + cols + "]");
        }
        for (int i = 0; i < t.data().length; i++) {
            if (!Float.isFinite(t.data()[i])) {
                throw new ModelFormatException(file, "tensor " + name + " holds " + t.data()[i] + " at index " + i);
            }
        }
        return t;
    }
}
