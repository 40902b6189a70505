/** The {@code mlp4j} command line: train, evaluate, predict, backends, bench. */
package io.github.mlp4j.cli;
