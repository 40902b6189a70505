package io.github.mlp4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery: name, property, priority, unavailable providers skipped, unknown names listed. */
class BackendsTest {

    /** A provider that ranks above the reference backend and can run. */
    public static final class Fast implements BackendProvider {
        public String name() { return "fast"; }
        public int priority() { return 50; }
        public Availability availability() { return Availability.yes("test double"); }
        public Backend create() { return renamed(new ReferenceBackend(), "fast"); }
    }

    /** The reference backend under another name (a dynamic proxy, so no method list to maintain). */
    static Backend renamed(Backend target, String name) {
        return (Backend) java.lang.reflect.Proxy.newProxyInstance(Backend.class.getClassLoader(),
                new Class<?>[] {Backend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("name")) {
                        return name;
                    }
                    if (method.getName().equals("owns")) {
                        return args[0] instanceof HeapMatrix;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The highest-ranked provider, but it cannot run here. */
    public static final class NeedsGpu implements BackendProvider {
        public String name() { return "gpu"; }
        public int priority() { return 100; }
        public Availability availability() { return Availability.no("no CUDA device"); }
        public Backend create() { throw new AssertionError("must not be created"); }
    }

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(Backends.PROPERTY);
    }

    /** A class loader that sees the given providers registered on top of the test class path. */
    private ClassLoader withProviders(Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(BackendProvider.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void referenceIsRegisteredAndTheDefaultWhenAlone() {
        Backend b = Backends.get(null, getClass().getClassLoader());
        assertInstanceOf(CheckedBackend.class, b);
        assertEquals("reference", b.name());
    }

    @Test
    void highestPriorityAvailableWinsAndUnavailableIsSkipped() throws IOException {
        ClassLoader cl = withProviders(NeedsGpu.class, Fast.class);
        List<Backends.Installed> all = Backends.installed(cl);
        assertEquals(List.of("gpu", "fast", "reference"), all.stream().map(Backends.Installed::name).toList());
        assertEquals("no CUDA device", all.get(0).availability().detail());
        assertEquals("fast", Backends.get(null, cl).name());
    }

    @Test
    void explicitNameThenPropertyOverridePriority() throws IOException {
        ClassLoader cl = withProviders(Fast.class);
        assertEquals("reference", Backends.get("Reference", cl).name());
        System.setProperty(Backends.PROPERTY, "reference");
        assertEquals("reference", Backends.get(null, cl).name());
        assertEquals("fast", Backends.get("fast", cl).name(), "an explicit name beats the property");
    }

    @Test
    void unknownAndUnavailableNamesFailWithTheReason() throws IOException {
        ClassLoader cl = withProviders(NeedsGpu.class, Fast.class);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Backends.get("cuda", cl));
        assertEquals("unknown backend 'cuda' (from the argument); installed: gpu, fast, reference", unknown.getMessage());
        System.setProperty(Backends.PROPERTY, "nope");
        IllegalArgumentException fromProperty = assertThrows(IllegalArgumentException.class, () -> Backends.get(null, cl));
        assertEquals("unknown backend 'nope' (from system property mlp4j.backend); installed: gpu, fast, reference",
                fromProperty.getMessage());
        IllegalStateException unavailable = assertThrows(IllegalStateException.class, () -> Backends.get("gpu", cl));
        assertEquals("backend 'gpu' (from the argument) is installed but unavailable: no CUDA device",
                unavailable.getMessage());
    }
}
