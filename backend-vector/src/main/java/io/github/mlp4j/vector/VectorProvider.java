package io.github.mlp4j.vector;

import io.github.mlp4j.backend.Availability;
import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.BackendProvider;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Registers the Vector API backend above the reference backend. It reports itself unavailable,
 * with the fix, when {@code jdk.incubator.vector} is not in the boot layer or when the JVM runs
 * without C2 (interpreted or C1 only), where Vector API code is far slower than scalar loops.
 *
 * <p>This class must not touch {@code jdk.incubator.vector} types: it is loaded even when the
 * module is absent.
 */
public final class VectorProvider implements BackendProvider {

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public Availability availability() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Availability.no("module jdk.incubator.vector is not loaded; start java with "
                    + "--add-modules jdk.incubator.vector");
        }
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String arg : args) {
            if (arg.equals("-Xint") || arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4")) {
                return Availability.no("the JIT's C2 compiler is disabled (" + arg + "); Vector API code needs C2");
            }
        }
        return Availability.yes(VectorBackend.describe());
    }

    @Override
    public Backend create() {
        return new VectorBackend();
    }
}
