package io.github.mlp4j.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds backends with {@link ServiceLoader} and picks one. The choice, in order: a name given in
 * code; the system property {@value #PROPERTY}; the environment variable {@value #ENV}; else the
 * highest-priority available provider. Every provider skipped is logged with its reason. Since the
 * reference backend is always available, "no backend" cannot happen.
 *
 * <pre>{@code
 * Backend b = Backends.get();            // e.g. "vector" when backend-vector is on the class path
 * Backend r = Backends.get("reference"); // explicit
 * }</pre>
 *
 * <p>Every backend returned is wrapped in a {@link CheckedBackend}.
 */
public final class Backends {

    /** System property naming the backend to use. */
    public static final String PROPERTY = "mlp4j.backend";
    /** Environment variable naming the backend to use, read when the property is not set. */
    public static final String ENV = "MLP4J_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    private Backends() {
    }

    /** One installed provider and whether it can run here. */
    public record Installed(String name, int priority, Availability availability, BackendProvider provider) {
    }

    /** Every installed provider, highest priority first, with its availability. */
    public static List<Installed> installed(ClassLoader loader) {
        List<Installed> found = new ArrayList<>();
        for (BackendProvider p : providers(loader)) {
            found.add(new Installed(p.name().toLowerCase(Locale.ROOT), p.priority(), safeAvailability(p), p));
        }
        return found;
    }

    /**
     * Installed providers, highest priority first, without asking their availability: that may load native
     * libraries, so {@link #get} asks only the providers it considers.
     */
    private static List<BackendProvider> providers(ClassLoader loader) {
        List<BackendProvider> found = new ArrayList<>();
        var it = ServiceLoader.load(BackendProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a backend provider that failed to load: {}", e.getMessage());
            }
        }
        found.sort(Comparator.comparingInt(BackendProvider::priority).reversed()
                .thenComparing(p -> p.name().toLowerCase(Locale.ROOT)));
        return found;
    }

    /** {@link #installed(ClassLoader)} with the context class loader. */
    public static List<Installed> installed() {
        return installed(defaultLoader());
    }

    private static Availability safeAvailability(BackendProvider p) {
        try {
            return p.availability();
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("availability check failed: " + e);
        }
    }

    /** The backend named by property or environment, else the best available one. */
    public static Backend get() {
        return get(null, defaultLoader());
    }

    /** The backend called {@code name}; when null, as {@link #get()}. */
    public static Backend get(String name) {
        return get(name, defaultLoader());
    }

    /**
     * The backend called {@code name} (when null: property, environment, then best available),
     * found through {@code loader}.
     *
     * @throws IllegalArgumentException when no installed backend has that name, listing those that are
     * @throws IllegalStateException    when the named backend is installed but cannot run here, with why
     */
    public static Backend get(String name, ClassLoader loader) {
        String requested = name;
        String source = "the argument";
        if (requested == null || requested.isBlank()) {
            requested = System.getProperty(PROPERTY);
            source = "system property " + PROPERTY;
        }
        if (requested == null || requested.isBlank()) {
            requested = System.getenv(ENV);
            source = "environment variable " + ENV;
        }
        List<BackendProvider> all = providers(loader);
        if (requested != null && !requested.isBlank()) {
            String wanted = requested.trim().toLowerCase(Locale.ROOT);
            for (BackendProvider p : all) {
                if (p.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    Availability a = safeAvailability(p);
                    if (!a.available()) {
                        throw new IllegalStateException("backend '" + wanted + "' (from " + source
                                + ") is installed but unavailable: " + a.detail());
                    }
                    LOG.info("using backend '{}' (from {}): {}", wanted, source, a.detail());
                    return new CheckedBackend(p.create());
                }
            }
            throw new IllegalArgumentException("unknown backend '" + requested + "' (from " + source
                    + "); installed: " + all.stream().map(p -> p.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
        for (BackendProvider p : all) {
            Availability a = safeAvailability(p);
            if (a.available()) {
                LOG.info("using backend '{}' (priority {}): {}", p.name(), p.priority(), a.detail());
                return new CheckedBackend(p.create());
            }
            LOG.info("skipping backend '{}': {}", p.name(), a.detail());
        }
        // Only reachable when core's own registration is missing from the class path (shaded jars).
        LOG.warn("no backend provider found through {}; using the reference backend", loader);
        return new CheckedBackend(new ReferenceBackend());
    }

    private static ClassLoader defaultLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : Backends.class.getClassLoader();
    }
}
