/**
 * The ND4J backend (CPU through nd4j-native, GPU through the {@code cuda} profile). Not yet written:
 * this module only reserves its place in the build.
 */
package io.github.mlp4j.nd4j;
