package io.github.mlp4j.cli;

import io.github.mlp4j.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Downloads Fashion-MNIST's four files into a directory and verifies each. Zalando publishes MD5s of
 * the gzip files only, and mirrors (Debian among them) recompress them, so what is verified is the
 * SHA-256 of the decompressed IDX content, which every faithful copy shares. A file is written under
 * its final name only after it verified.
 */
final class Downloader {

    /** Zalando's own location for the files. */
    static final String OFFICIAL_BASE = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    /** SHA-256 of each file's decompressed content (taken from the published files via Debian's copy). */
    static final Map<String, String> FASHION_MNIST = Map.of(
            "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private final String base;
    private final Map<String, String> sha256;
    private final boolean progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    Downloader(String base, Map<String, String> sha256, boolean progress) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.sha256 = sha256;
        this.progress = progress;
    }

    /** Fetches every file missing from {@code dir} as {@code name.gz}; verified files are kept. */
    void fetchAll(Path dir, java.io.PrintWriter log) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(sha256).entrySet()) {
            Path target = dir.resolve(f.getKey() + ".gz");
            if (Files.isRegularFile(target) && verified(target, f.getValue())) {
                log.println("have " + target);
                continue;
            }
            fetch(f.getKey() + ".gz", target, f.getValue());
            log.println("downloaded and verified " + target);
        }
    }

    private void fetch(String name, Path target, String expected) throws IOException {
        URI uri = URI.create(base + name);
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + uri + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("download of " + uri + " failed: HTTP " + response.statusCode());
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        // Written atomically: an interrupted or unverified download never takes the final name.
        AtomicFiles.write(target, out -> {
            try (InputStream in = response.body();
                 ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName(name).setInitialMax(length)
                         .setUnit(" MB", 1 << 20).showSpeed().build() : null) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    if (bar != null) {
                        bar.stepBy(n);
                    }
                }
            }
        });
        if (!verified(target, expected)) {
            Files.deleteIfExists(target);
            throw new IOException("download of " + uri + " failed verification: the SHA-256 of its content is not "
                    + expected + "; the file was discarded");
        }
    }

    /** Whether the decompressed content of {@code gz} has the SHA-256 {@code expected}. */
    static boolean verified(Path gz, String expected) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(new GZIPInputStream(Files.newInputStream(gz), 1 << 16), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return false; // not gzip, or truncated
        }
        return HexFormat.of().formatHex(md.digest()).equals(expected);
    }
}
