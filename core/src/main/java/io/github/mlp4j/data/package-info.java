/** Datasets in memory, the IDX reader and Fashion-MNIST loader, seeded splitting and feature scaling. */
package io.github.mlp4j.data;
