package mnistshell.train;

import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;

/**
 * The state before one update, enough to undo it: every parameter and optimizer array, the
 * optimizer's step count, the batch order's place, the update count and the last gradients.
 * Two are kept, so that an update whose loss shows the update before it went wrong can undo both.
 */
final class Undo {
    final List<double[][]> arrays = new ArrayList<>();
    long optimizerUpdates;
    BatchOrder.Mark mark;
    int updates = -1;
    Gradients last;
    /** Early stopping's count of checks since the best, before the update. */
    int sinceBest;

    void save(Training t, BatchOrder.Mark orderMark) {
        List<double[][]> live = t.liveArrays();
        if (arrays.size() != live.size()) { // first update, or another optimizer since
            arrays.clear();
            for (double[][] a : live) {
                arrays.add(new double[a.length][a[0].length]);
            }
        }
        for (int k = 0; k < live.size(); k++) {
            Tensor.copy(live.get(k), arrays.get(k));
        }
        optimizerUpdates = t.optimizer().updates();
        mark = orderMark;
        updates = t.updates();
        last = t.lastGradients();
    }

    /** Whether this holds the state before an update made since {@code runStart} updates. */
    boolean holdsUpdateOf(int runStart) {
        return updates >= runStart;
    }

    void forget() {
        updates = -1;
    }
}
