/**
 * Training: the {@link io.github.mlp4j.train.Trainer} loop over the three gradient-descent modes,
 * early stopping, listeners, per-epoch history, and divergence detection.
 */
package io.github.mlp4j.train;
