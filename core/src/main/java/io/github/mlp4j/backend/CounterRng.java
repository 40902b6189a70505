package io.github.mlp4j.backend;

/**
 * A counter-based random number: the i-th uniform of a seed is a pure function of (seed, i)
 * (SplitMix64's finalizer over {@code seed + i * golden ratio}). Any backend, on any number of
 * threads or on a GPU, can produce the same dropout mask from the same seed without sharing state.
 */
public final class CounterRng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private CounterRng() {
    }

    /** A uniform float in [0, 1), with 24 random bits, for element {@code index} of {@code seed}. */
    public static float uniform(long seed, long index) {
        long z = seed + (index + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 40) * 0x1.0p-24f;
    }
}
