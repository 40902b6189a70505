package io.github.mlp4j.nn;

/** A layer's specification, as given to {@link NetworkBuilder}: the closed set {@link Dense} and {@link Dropout}. */
public sealed interface Layer permits Dense, Dropout {

    /** Number of outputs, given the number of inputs. */
    int outputSize(int inputSize);
}
