/**
 * Optimizers (SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam, AdamW), learning-rate schedules and
 * L1/L2/elastic-net regularization. Each optimizer is a record of its hyperparameters running one
 * in-place backend call per parameter.
 */
package io.github.mlp4j.optim;
