package io.github.mlp4j.train;

/**
 * Everything besides the weights that a training run needs to continue exactly where it stopped:
 * saved in checkpoints, given back to {@link Trainer#resume(io.github.mlp4j.nn.Network,
 * io.github.mlp4j.data.Dataset, io.github.mlp4j.data.Dataset, TrainingState)}.
 *
 * @param epochsDone     epochs completed
 * @param iterations     updates done
 * @param trainingPasses the network's dropout pass counter
 * @param optimizerState per parameter (in {@code Network.parameters()} order), its optimizer state
 *                       matrices, each as a float array; [parameter][state][values]
 */
public record TrainingState(int epochsDone, long iterations, long trainingPasses, float[][][] optimizerState) {
}
