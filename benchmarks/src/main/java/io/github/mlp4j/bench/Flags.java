package io.github.mlp4j.bench;

/** The JVM flags every benchmark fork needs on JDK 25 (Vector API; ND4J's native access). */
final class Flags {
    static final String VECTOR = "--add-modules=jdk.incubator.vector";
    static final String NATIVE = "--enable-native-access=ALL-UNNAMED";
    static final String UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    private Flags() {
    }
}
