package io.github.mlp4j.nd4j;

import io.github.mlp4j.backend.Availability;
import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.BackendProvider;

/**
 * Registers the ND4J backend: below the Vector API backend on CPU (10), where the pure-Java backend is
 * faster at a network's shapes, and above everything (30) when the CUDA backend is on the class path.
 * Loading ND4J's native libraries happens in {@link #availability()}, never at discovery.
 */
public final class Nd4jProvider implements BackendProvider {

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public int priority() {
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, getClass().getClassLoader());
            return 30;
        } catch (ClassNotFoundException e) {
            return 10;
        }
    }

    @Override
    public Availability availability() {
        try {
            return Availability.yes(Nd4jBackend.describe());
        } catch (Throwable e) {
            return Availability.no("ND4J could not start: " + e);
        }
    }

    @Override
    public Backend create() {
        return new Nd4jBackend();
    }
}
