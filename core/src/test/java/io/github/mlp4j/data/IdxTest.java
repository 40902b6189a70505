package io.github.mlp4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on files written here: valid ones, raw and gzipped, and every way of being broken. */
class IdxTest {

    @TempDir
    Path dir;

    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buf.putInt(magic);
        for (int d : dims) {
            buf.putInt(d);
        }
        buf.put(data);
        return buf.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void readsImagesAndLabelsRawAndGzipped() throws IOException {
        byte[] pixels = {0, (byte) 255, 51, 102, 0, 0, 0, 0, 0, 0, 0, (byte) 128};
        byte[] images = idx(0x0803, new int[] {2, 2, 3}, pixels);
        for (Path p : new Path[] {write("img", images), write("img.gz", gzip(images))}) {
            Idx.Images im = Idx.readImages(p);
            assertEquals(2, im.count());
            assertEquals(6, im.pixelsPerImage());
            assertEquals(1f, im.pixels()[1]);
            assertEquals(0.2f, im.pixels()[2], 1e-7f);
            assertEquals(128 / 255f, im.pixels()[11]);
        }
        assertArrayEquals(new int[] {9, 0, 3}, Idx.readLabels(write("lab.gz", gzip(idx(0x0801, new int[] {3},
                new byte[] {9, 0, 3})))));
    }

    private void fails(String expectedEnd, byte[] content, boolean images) throws IOException {
        Path p = write("bad" + System.nanoTime(), content);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> { if (images) { Idx.readImages(p); } else { Idx.readLabels(p); } });
        assertEquals(p + " " + expectedEnd, e.getMessage());
    }

    @Test
    void brokenFilesFailWithWhatIsWrong() throws IOException {
        fails("is shorter than an IDX header (4 bytes of magic number)", new byte[0], true);
        fails("is shorter than an IDX header (4 bytes of magic number)", new byte[] {0, 0}, false);
        fails("has magic number 0x00000801, expected 0x00000803 (unsigned bytes, 3 dimensions)",
                idx(0x0801, new int[] {1}, new byte[1]), true);
        fails("has magic number 0x12340803, expected 0x00000803 (unsigned bytes, 3 dimensions)",
                idx(0x12340803, new int[] {1, 1, 1}, new byte[1]), true);
        fails("has magic number 0x00000D01, expected 0x00000801 (unsigned bytes, 1 dimension)",
                idx(0x0D01, new int[] {1}, new byte[4]), false);
        fails("is truncated in its header: dimension 2 of 3 is missing", idx(0x0803, new int[] {1, 1}, new byte[0]), true);
        fails("declares dimension 1 as -5, expected a positive size", idx(0x0803, new int[] {1, -5, 1}, new byte[0]), true);
        fails("is truncated: its header declares 10 data bytes, found 3", idx(0x0801, new int[] {10}, new byte[3]), false);
        fails("has bytes after the 2 its header declares", idx(0x0801, new int[] {2}, new byte[3]), false);
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeAllocating() throws IOException {
        // 60000 x 60000 x 60000 overflows int; 100000 x 1000 x 1000 is 10^11 bytes: both refused from the header.
        fails("declares dimensions [60000, 60000, 0], more than the 2147483639 elements one array can hold",
                idx(0x0803, new int[] {60000, 60000, 60000}, new byte[0]), true);
        // Within the array limit but far more than the 16-byte file: read as it arrives, then reported.
        fails("is truncated: its header declares 2000000000 data bytes, found 16",
                gzip(idx(0x0803, new int[] {2000, 1000, 1000}, new byte[16])), true);
    }
}
