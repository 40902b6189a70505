package io.github.mlp4j.backend;

/** The conformance suite on the reference backend itself: its gradient checks and properties are real tests. */
class ReferenceConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend createBackend() {
        return new ReferenceBackend();
    }
}
