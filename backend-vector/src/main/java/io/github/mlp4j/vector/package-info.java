/** The Vector API backend ({@code jdk.incubator.vector}): pure Java, SIMD. */
package io.github.mlp4j.vector;
