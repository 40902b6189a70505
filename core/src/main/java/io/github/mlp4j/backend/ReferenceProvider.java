package io.github.mlp4j.backend;

/** Registers {@link ReferenceBackend} with the lowest priority: always available, chosen last. */
public final class ReferenceProvider implements BackendProvider {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.yes("plain Java, 1 thread");
    }

    @Override
    public Backend create() {
        return new ReferenceBackend();
    }
}
