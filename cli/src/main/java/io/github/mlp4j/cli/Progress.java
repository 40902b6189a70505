package io.github.mlp4j.cli;

import io.github.mlp4j.train.EpochStats;
import io.github.mlp4j.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training as it goes: a progress bar per epoch with the running loss and samples/s on a
 * terminal; one line per epoch when output is not a terminal; nothing with {@code --quiet}.
 */
final class Progress implements TrainingListener {

    private final PrintWriter out;
    private final int epochs;
    private final long iterationsPerEpoch;
    private final int batch;
    private final boolean bar;
    private final boolean quiet;
    private ProgressBar current;
    private long startNanos;
    private double runningLoss;

    Progress(PrintWriter out, int epochs, long iterationsPerEpoch, int batch, boolean quiet) {
        this.out = out;
        this.epochs = epochs;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.batch = batch;
        this.quiet = quiet;
        java.io.Console console = System.console();
        this.bar = !quiet && console != null && console.isTerminal();
    }

    @Override
    public void onIteration(int epoch, long iteration, double loss) {
        if (!bar) {
            return;
        }
        if (current == null) {
            current = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(iterationsPerEpoch).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .build();
            startNanos = System.nanoTime();
            runningLoss = loss;
        }
        runningLoss = 0.98 * runningLoss + 0.02 * loss;
        current.step();
        if (iteration % 16 == 0) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            current.setExtraMessage(String.format(Locale.ROOT, " loss %.4f, %.0f samples/s", runningLoss,
                    current.getCurrent() * batch / Math.max(seconds, 1e-9)));
        }
    }

    @Override
    public void onEpoch(EpochStats s) {
        if (current != null) {
            current.close();
            current = null;
        }
        if (!quiet) {
            out.println(String.format(Locale.ROOT,
                    "epoch %d/%d  loss %.4f  accuracy %.4f  val loss %.4f  val accuracy %.4f  %.1f s  %,.0f samples/s",
                    s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.validationLoss(), s.validationAccuracy(),
                    s.seconds(), s.samplesPerSecond()));
            out.flush();
        }
    }
}
