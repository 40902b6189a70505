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
        ServiceLoader<BackendProvider> services = ServiceLoader.load(BackendProvider.class, loader);
        var it = services.iterator();
        while (true) {
            BackendProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a backend provider that failed to load: {}", e.getMessage());
                continue;
            }
            found.add(new Installed(p.name().toLowerCase(Locale.ROOT), p.priority(), safeAvailability(p), p));
        }
        found.sort(Comparator.comparingInt(Installed::priority).reversed().thenComparing(Installed::name));
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
        List<Installed> all = installed(loader);
        if (requested != null && !requested.isBlank()) {
            String wanted = requested.trim().toLowerCase(Locale.ROOT);
            for (Installed p : all) {
                if (p.name().equals(wanted)) {
                    if (!p.availability().available()) {
                        throw new IllegalStateException("backend '" + wanted + "' (from " + source
                                + ") is installed but unavailable: " + p.availability().detail());
                    }
                    LOG.info("using backend '{}' (from {}): {}", wanted, source, p.availability().detail());
                    return new CheckedBackend(p.provider().create());
                }
            }
            throw new IllegalArgumentException("unknown backend '" + requested + "' (from " + source
                    + "); installed: " + all.stream().map(Installed::name).collect(Collectors.joining(", ")));
        }
        for (Installed p : all) {
            if (p.availability().available()) {
                LOG.info("using backend '{}' (priority {}): {}", p.name(), p.priority(), p.availability().detail());
                return new CheckedBackend(p.provider().create());
            }
            LOG.info("skipping backend '{}': {}", p.name(), p.availability().detail());
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
