package io.github.mlp4j.backend;

/** Checks of scalar arguments, shared by the {@link CheckedBackend} operations; messages name op and argument. */
final class Checks {

    private Checks() {
    }

    static void finite(String op, String arg, float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(op + ": " + arg + " is " + v + ", expected a finite number");
        }
    }

    static void unit(String op, String arg, float v, boolean inclusiveZero) {
        if (!(inclusiveZero ? v >= 0f && v < 1f : v > 0f && v < 1f)) {
            throw new IllegalArgumentException(op + ": " + arg + " is " + v + ", expected a value in "
                    + (inclusiveZero ? "[0, 1)" : "(0, 1)"));
        }
    }

    static void positive(String op, String arg, float v) {
        if (!(v > 0f) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(op + ": " + arg + " is " + v + ", expected a finite value > 0");
        }
    }
}
