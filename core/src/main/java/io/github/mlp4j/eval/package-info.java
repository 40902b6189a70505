/** Evaluation: classification reports (accuracy, confusion matrix, precision/recall/F1) and regression metrics. */
package io.github.mlp4j.eval;
