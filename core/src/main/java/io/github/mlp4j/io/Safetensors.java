package io.github.mlp4j.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (as written by Hugging Face's {@code safetensors}), float32 tensors only:
 * an 8-byte little-endian header length N, N bytes of JSON ({@code {"name": {"dtype": "F32", "shape":
 * [...], "data_offsets": [begin, end]}, ..., "__metadata__": {string: string}}}, padded with spaces to a
 * multiple of 8), then the tensors' little-endian bytes, back to back. Reading validates every length
 * and offset before touching the data.
 */
public final class Safetensors {

    /** A float32 tensor: its shape and row-major values. */
    public record Tensor(int[] shape, float[] data) {
        public Tensor {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("tensor of shape " + java.util.Arrays.toString(shape) + " needs " + n
                        + " values, has " + data.length);
            }
        }
    }

    /** What a file holds: string metadata and named tensors, in file order. */
    public record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {
    }

    /** Headers larger than this are refused (safetensors' own limit is 100 MB). */
    static final long MAX_HEADER = 100L << 20;
    static final ObjectMapper JSON = new ObjectMapper();

    private Safetensors() {
    }

    /** Writes {@code tensors} and {@code metadata} to {@code out}. */
    public static void write(OutputStream out, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            long end = offset + 4L * e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        out.write(head.array());
        for (Tensor t : tensors.values()) {
            ByteBuffer data = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().put(t.data());
            out.write(data.array());
        }
    }

    /** Reads and validates a whole file. */
    public static Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size < 8) {
            throw new ModelFormatException(file, "is " + size + " bytes, too short for a safetensors file (its header "
                    + "length alone takes 8)");
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(file, "is " + size + " bytes, larger than mlp4j reads");
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) {
            throw new ModelFormatException(file, "declares a " + n + "-byte header, but " + (bytes.length - 8)
                    + " bytes follow the length (and at most " + MAX_HEADER + " are allowed)");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ModelFormatException(file, "header is not valid JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new ModelFormatException(file, "header is not a JSON object");
        }
        int dataStart = 8 + (int) n;
        long dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                if (!e.getValue().isObject()) {
                    throw new ModelFormatException(file, "__metadata__ is not an object of strings");
                }
                e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            String name = e.getKey();
            JsonNode t = e.getValue();
            if (!"F32".equals(t.path("dtype").asText())) {
                throw new ModelFormatException(file, "tensor " + name + " has dtype " + t.path("dtype")
                        + ", mlp4j reads F32 only");
            }
            JsonNode shapeNode = t.path("shape"), offsets = t.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
                throw new ModelFormatException(file, "tensor " + name + " needs a shape array and two data_offsets");
            }
            int[] shape = new int[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                long d = shapeNode.get(i).asLong(-1);
                if (!shapeNode.get(i).canConvertToInt() || d < 0) {
                    throw new ModelFormatException(file, "tensor " + name + " has shape " + shapeNode
                            + ", expected non-negative sizes");
                }
                shape[i] = (int) d;
                count *= d;
                if (count > Integer.MAX_VALUE) {
                    throw new ModelFormatException(file, "tensor " + name + " has shape " + shapeNode
                            + ", too large for one array");
                }
            }
            long begin = offsets.get(0).asLong(-1), end = offsets.get(1).asLong(-1);
            if (begin < 0 || end < begin || end > dataLength) {
                throw new ModelFormatException(file, "tensor " + name + " has data_offsets [" + begin + ", " + end
                        + "] outside the " + dataLength + " data bytes (is the file truncated?)");
            }
            if (end - begin != 4 * count) {
                throw new ModelFormatException(file, "tensor " + name + " has " + (end - begin) + " bytes, its shape "
                        + shapeNode + " of F32 needs " + 4 * count);
            }
            ranges.add(new long[] {begin, end});
            float[] data = new float[(int) count];
            ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer().get(data);
            tensors.put(name, new Tensor(shape, data));
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long covered = 0;
        for (long[] r : ranges) {
            if (r[0] != covered) {
                throw new ModelFormatException(file, r[0] < covered ? "has tensors whose data overlap"
                        : "has " + (r[0] - covered) + " data bytes at offset " + covered + " that belong to no tensor");
            }
            covered = r[1];
        }
        if (covered != dataLength) {
            throw new ModelFormatException(file, "has " + (dataLength - covered) + " bytes after its last tensor");
        }
        return new Contents(metadata, tensors);
    }
}
