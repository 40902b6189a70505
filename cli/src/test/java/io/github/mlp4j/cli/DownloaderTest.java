package io.github.mlp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server on the loopback interface serving generated files; nothing leaves the machine. */
class DownloaderTest {

    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, byte[]> served = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath().substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void fetchesVerifiesAndRejectsCorruptFiles() throws Exception {
        byte[] a = "first file".getBytes(), b = "second file".getBytes();
        served.put("a.gz", gzip(a));
        served.put("b.gz", gzip(b));
        Map<String, String> manifest = Map.of("a", sha256(a), "b", sha256(b));
        StringWriter log = new StringWriter();
        new Downloader(base(), manifest, false).fetchAll(dir, new PrintWriter(log, true));
        assertTrue(Downloader.verified(dir.resolve("a.gz"), sha256(a)));
        assertTrue(log.toString().contains("downloaded and verified"), log.toString());

        served.put("c.gz", gzip("tampered".getBytes()));
        IOException e = assertThrows(IOException.class, () -> new Downloader(base(), Map.of("c", sha256(b)), false)
                .fetchAll(dir, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().endsWith("failed verification: the SHA-256 of its content is not " + sha256(b)
                + "; the file was discarded"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("c.gz")), "an unverified download never takes the final name");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left: " + dir);
        }
        IOException missing = assertThrows(IOException.class, () -> new Downloader(base(), Map.of("d", sha256(b)), false)
                .fetchAll(dir, new PrintWriter(new StringWriter())));
        assertTrue(missing.getMessage().endsWith("failed: HTTP 404"), missing.getMessage());
    }

    /** The CLI's --download against the real files, served locally (the official hashes must match them). */
    @Test
    void trainDownloadsFashionMnistWithTheOfficialHashes() throws Exception {
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(debian), "Fashion-MNIST not installed");
        for (String name : Downloader.FASHION_MNIST.keySet()) {
            served.put(name + ".gz", Files.readAllBytes(debian.resolve(name + ".gz")));
        }
        Path target = dir.resolve("fm");
        CliRun r = CliRun.of("train", "--download", "--download-url", base(), "--data", target.toString(), "--epochs",
                "1", "--layers", "32", "--quiet", "--out", dir.resolve("m.safetensors").toString(), "--plot",
                dir.resolve("p.png").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("downloaded and verified " + target.resolve("train-images-idx3-ubyte.gz")), r.out());
        assertTrue(r.out().contains("test accuracy"), r.out());
    }
}
