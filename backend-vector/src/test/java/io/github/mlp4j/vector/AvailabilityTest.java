package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backends;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the incubator module, or without C2, discovery skips this backend and says why. */
class AvailabilityTest {

    /** Run in a child JVM: prints the vector provider's availability and the backend chosen. */
    public static void main(String[] args) {
        var vector = Backends.installed().stream().filter(b -> b.name().equals("vector")).findFirst().orElseThrow();
        System.out.println(vector.availability().available() + "|" + vector.availability().detail() + "|"
                + Backends.get().name());
    }

    private static String child(String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AvailabilityTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void unavailableWithoutTheIncubatorModuleAndWithoutC2() throws Exception {
        String without = child();
        assertEquals("false|module jdk.incubator.vector is not loaded; start java with --add-modules "
                + "jdk.incubator.vector|reference", without);
        String c1 = child("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1");
        assertTrue(c1.startsWith("false|the JIT's C2 compiler is disabled (-XX:TieredStopAtLevel=1)"), c1);
        assertTrue(child("--add-modules", "jdk.incubator.vector").startsWith("true|Vector API"), "with the module");
    }
}
