package io.github.mlp4j.backend;

/**
 * Whether a backend can run here and, when not, why ("jdk.incubator.vector is not readable: add
 * --add-modules jdk.incubator.vector"), or what it runs on when it can ("2 threads, AVX-512").
 */
public record Availability(boolean available, String detail) {

    /** Available; {@code detail} says what it runs on. */
    public static Availability yes(String detail) {
        return new Availability(true, detail);
    }

    /** Unavailable; {@code reason} says why and, where possible, how to fix it. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
