package io.github.mlp4j.cli;

import io.github.mlp4j.optim.CosineWarmup;
import io.github.mlp4j.optim.ExponentialDecay;
import io.github.mlp4j.optim.InverseTimeDecay;
import io.github.mlp4j.optim.LearningRateSchedule;
import io.github.mlp4j.optim.StepDecay;

/** Parses {@code --schedule}: constant, step:EVERY:FACTOR, exponential:GAMMA, inverse-time:RATE:STEPS, cosine:WARMUP. */
final class Schedules {

    static final String HELP = "constant | step:EVERY_EPOCHS:FACTOR | exponential:GAMMA | inverse-time:RATE:STEPS"
            + " | cosine:WARMUP_ITERATIONS";

    private Schedules() {
    }

    static LearningRateSchedule parse(String spec, long totalIterations) {
        String[] p = spec.trim().toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "constant" -> LearningRateSchedule.constant();
                case "step" -> new StepDecay(Integer.parseInt(p[1]), Float.parseFloat(p[2]));
                case "exponential" -> new ExponentialDecay(Float.parseFloat(p[1]));
                case "inverse-time" -> new InverseTimeDecay(Float.parseFloat(p[1]), Integer.parseInt(p[2]));
                case "cosine" -> new CosineWarmup(p.length > 1 ? Long.parseLong(p[1]) : 0, totalIterations, 0f);
                default -> throw new IllegalArgumentException();
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("--schedule '" + spec + "': expected " + HELP);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--schedule '" + spec + "': " + (e.getMessage() == null ? "expected "
                    + HELP : e.getMessage()));
        }
    }
}
