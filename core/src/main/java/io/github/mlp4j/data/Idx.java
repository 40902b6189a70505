package io.github.mlp4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST and Fashion-MNIST format), raw or gzip-compressed (detected from the
 * content, not the name). Headers are validated before anything is allocated: a header claiming more
 * data than the file holds fails with a message instead of exhausting memory.
 *
 * <p>Format: two zero bytes, a type byte (0x08 = unsigned byte), a dimension count, then each
 * dimension as a big-endian int32, then the data.
 */
public final class Idx {

    /** Images in [0, 1]: {@code count} images of {@code rows x cols} pixels, row-major. */
    public record Images(int count, int rows, int cols, float[] pixels) {
        public int pixelsPerImage() {
            return rows * cols;
        }
    }

    private static final int UNSIGNED_BYTE = 0x08;
    /** The most elements one file may declare: a float[] of them must fit in a Java array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Idx() {
    }

    /** An images file ({@code idx3-ubyte}); pixels are scaled from 0..255 to [0, 1]. */
    public static Images readImages(Path file) throws IOException {
        try {
            return images(file);
        } catch (java.util.zip.ZipException | EOFException e) {
            throw new IdxFormatException(file, "is not a valid gzip stream (" + e.getMessage() + ")");
        }
    }

    /** A labels file ({@code idx1-ubyte}). */
    public static int[] readLabels(Path file) throws IOException {
        try {
            return labels(file);
        } catch (java.util.zip.ZipException | EOFException e) {
            throw new IdxFormatException(file, "is not a valid gzip stream (" + e.getMessage() + ")");
        }
    }

    private static Images images(Path file) throws IOException {
        try (InputStream in = open(file)) {
            int[] dims = header(file, in, 3);
            byte[] data = body(file, in, (long) dims[0] * dims[1] * dims[2]);
            float[] pixels = new float[data.length];
            for (int i = 0; i < data.length; i++) {
                pixels[i] = (data[i] & 0xFF) / 255f;
            }
            return new Images(dims[0], dims[1], dims[2], pixels);
        }
    }

    private static int[] labels(Path file) throws IOException {
        try (InputStream in = open(file)) {
            int[] dims = header(file, in, 1);
            byte[] data = body(file, in, dims[0]);
            int[] labels = new int[data.length];
            for (int i = 0; i < data.length; i++) {
                labels[i] = data[i] & 0xFF;
            }
            return labels;
        }
    }

    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such IDX file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read(), b1 = raw.read();
        raw.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    private static int[] header(Path file, InputStream in, int expectedDims) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int magic;
        try {
            magic = d.readInt();
        } catch (EOFException e) {
            throw new IdxFormatException(file, "is shorter than an IDX header (4 bytes of magic number)");
        }
        int type = (magic >>> 8) & 0xFF, dims = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dims != expectedDims) {
            throw new IdxFormatException(file, String.format("has magic number 0x%08X, expected 0x%08X (unsigned bytes, "
                    + "%d dimension%s)", magic, (UNSIGNED_BYTE << 8) | expectedDims, expectedDims,
                    expectedDims == 1 ? "" : "s"));
        }
        int[] sizes = new int[dims];
        long elements = 1;
        for (int i = 0; i < dims; i++) {
            try {
                sizes[i] = d.readInt();
            } catch (EOFException e) {
                throw new IdxFormatException(file, "is truncated in its header: dimension " + i + " of " + dims
                        + " is missing");
            }
            if (sizes[i] <= 0) {
                throw new IdxFormatException(file, "declares dimension " + i + " as " + sizes[i]
                        + ", expected a positive size");
            }
            elements *= sizes[i];
            if (elements > MAX_ELEMENTS) {
                throw new IdxFormatException(file, "declares dimensions " + java.util.Arrays.toString(sizes)
                        + ", more than the " + MAX_ELEMENTS + " elements one array can hold");
            }
        }
        return sizes;
    }

    /** Exactly {@code n} bytes, read as they arrive (no up-front allocation of n), and nothing after them. */
    private static byte[] body(Path file, InputStream in, long n) throws IOException {
        byte[] data = in.readNBytes((int) n);
        if (data.length < n) {
            throw new IdxFormatException(file, "is truncated: its header declares " + n + " data bytes, found "
                    + data.length);
        }
        if (in.read() != -1) {
            throw new IdxFormatException(file, "has bytes after the " + n + " its header declares");
        }
        return data;
    }
}
