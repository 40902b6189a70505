package io.github.mlp4j.vector;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.BackendConformanceTest;

/** The core conformance suite, run against the Vector API backend. */
class VectorConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend createBackend() {
        return new VectorBackend();
    }
}
