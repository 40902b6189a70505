package io.github.mlp4j.io;

import java.nio.file.Path;

/** Writes 40 MB to {@code args[0]} through {@link AtomicFiles}, slowly, saying when it has started. */
public final class SlowWriterChild {

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                out.write(chunk);
                if (i == 2) {
                    System.out.println("writing");
                    System.out.flush();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
        });
    }
}
