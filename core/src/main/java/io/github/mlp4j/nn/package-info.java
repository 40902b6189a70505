/**
 * Networks and their parts: the closed sets of activations and losses every backend implements,
 * layers, weight initializers, the network builder, and the classic perceptron.
 */
package io.github.mlp4j.nn;
