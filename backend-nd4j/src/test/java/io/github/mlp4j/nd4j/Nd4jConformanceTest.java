package io.github.mlp4j.nd4j;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.BackendConformanceTest;

/** The core conformance suite, run against the ND4J backend on CPU. */
class Nd4jConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend createBackend() {
        return new Nd4jBackend();
    }
}
