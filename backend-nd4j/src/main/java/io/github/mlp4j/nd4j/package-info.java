/** The ND4J backend: matrices are INDArrays; CPU through nd4j-native (OpenBLAS). */
package io.github.mlp4j.nd4j;
