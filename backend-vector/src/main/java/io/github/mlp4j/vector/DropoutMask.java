package io.github.mlp4j.vector;

import io.github.mlp4j.backend.CounterRng;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * An inverted-dropout mask on long vectors: {@link CounterRng}'s SplitMix64 finalizer for a whole vector of
 * element indices at once, so the mask is bit for bit the reference backend's (integer arithmetic and an
 * exact conversion of 24 bits to float). A 512-bit vector holds 8 longs; their uniforms fill 8 floats.
 */
final class DropoutMask {

    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    /** Floats as many as the longs of {@link #LS}. */
    private static final VectorSpecies<Float> FS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(LS.length() * Float.SIZE));
    private static final long GOLDEN = 0x9E3779B97F4A7C15L, MIX1 = 0xBF58476D1CE4E5B9L, MIX2 = 0x94D049BB133111EBL;

    private DropoutMask() {
    }

    /**
     * {@code m[i] = uniform(seed, i) >= dropRate ? 1 / (1 - dropRate) : 0}, as the reference backend.
     *
     * @param m modified
     */
    static void fill(float[] m, float dropRate, long seed) {
        float keep = 1f / (1f - dropRate);
        int n = m.length, lanes = LS.length(), bound = n - n % lanes, i = 0;
        LongVector iota = LongVector.zero(LS).addIndex(1);
        for (; i < bound; i += lanes) {
            LongVector z = iota.add(i + 1L).mul(GOLDEN).add(seed);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            LongVector top24 = z.lanewise(VectorOperators.LSHR, 40);
            FloatVector u = ((FloatVector) top24.convertShape(VectorOperators.L2F, FS, 0)).mul(0x1.0p-24f);
            FloatVector.zero(FS).blend(keep, u.compare(VectorOperators.GE, dropRate)).intoArray(m, i);
        }
        for (; i < n; i++) {
            m[i] = CounterRng.uniform(seed, i) >= dropRate ? keep : 0f;
        }
    }
}
