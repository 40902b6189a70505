package io.github.mlp4j.nn;

/**
 * Inverted dropout: in training each input is zeroed with probability {@code dropRate} and the rest
 * scaled by {@code 1 / (1 - dropRate)}, so inference (where the layer passes its input through)
 * needs no rescaling. Masks come from the network's seed, so training is reproducible.
 *
 * @param dropRate probability of dropping a unit, in [0, 1)
 */
public record Dropout(float dropRate) implements Layer {

    @Override
    public int outputSize(int inputSize) {
        return inputSize;
    }
}
