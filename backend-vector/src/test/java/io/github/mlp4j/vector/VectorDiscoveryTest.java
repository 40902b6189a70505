package io.github.mlp4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mlp4j.backend.Backends;
import org.junit.jupiter.api.Test;

/** With this module on the class path (and the module flag given), discovery picks it over the reference. */
class VectorDiscoveryTest {
    @Test
    void registeredAvailableAndPreferredOverReference() {
        var installed = Backends.installed();
        assertEquals("vector", installed.get(0).name());
        assertTrue(installed.get(0).availability().available(), installed.get(0).availability().detail());
        assertEquals("vector", Backends.get().name());
    }
}
