package io.github.mlp4j.backend;

/**
 * A backend's entry in {@link java.util.ServiceLoader}: register the implementation class in
 * {@code META-INF/services/io.github.mlp4j.backend.BackendProvider}. Providers must be cheap to
 * construct; real work (native libraries, thread pools) waits for {@link #availability()} and
 * {@link #create()}.
 */
public interface BackendProvider {

    /** The name users select it by, lower case: {@code reference}, {@code vector}, {@code nd4j}. */
    String name();

    /** Higher wins when no backend is named. The reference backend has the lowest, 0. */
    int priority();

    /** Whether this backend can run in this JVM, with the reason when not. Must not throw. */
    Availability availability();

    /** A new, unchecked backend; only called when {@link #availability()} says it is available. */
    Backend create();
}
