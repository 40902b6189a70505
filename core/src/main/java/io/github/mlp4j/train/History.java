package io.github.mlp4j.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Per-epoch statistics of one {@link Trainer#fit} call, and how it ended. */
public final class History {

    private final List<EpochStats> epochs = new ArrayList<>();
    private int bestEpoch;
    private boolean stoppedEarly;

    void add(EpochStats s) {
        epochs.add(s);
    }

    void stoppedEarly(int bestEpoch) {
        this.stoppedEarly = true;
        this.bestEpoch = bestEpoch;
    }

    void bestEpoch(int bestEpoch) {
        this.bestEpoch = bestEpoch;
    }

    public List<EpochStats> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public EpochStats last() {
        return epochs.getLast();
    }

    /** Whether early stopping ended training before the epoch limit. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** The 1-based epoch whose weights the network holds after early stopping with restore, else 0. */
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        epochs.forEach(e -> s.append(e).append('\n'));
        if (stoppedEarly) {
            s.append("stopped early; best epoch ").append(bestEpoch).append('\n');
        }
        return s.toString();
    }
}
