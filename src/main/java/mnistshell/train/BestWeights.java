package mnistshell.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;

/**
 * The weights of the best held-out metric so far, with everything of their update that training
 * on from them needs (optimizer state and step count, the batch order's place, the last
 * gradients), and early stopping's count of checks since. The newest few bests are kept, not one:
 * an undo takes back at most two updates, and each may have been a new best.
 */
final class BestWeights {

    /** Copies of the live arrays (parameters, then optimizer state) after update {@code update}. */
    record Snapshot(int update, double metric, List<double[][]> arrays, String optimizer, long optimizerUpdates,
                    BatchOrder.Mark mark, Gradients last) {
    }

    /** One more than the updates an undo can take back, so the best before them is still here. */
    static final int KEPT = 3;

    private final ArrayDeque<Snapshot> kept = new ArrayDeque<>();
    /** Held-out checks since the best one. */
    int sinceBest;

    /** The best so far, or null before the first held-out check. */
    Snapshot best() {
        return kept.peekLast();
    }

    /** Whether {@code metric} beats the best so far: lower for a loss, higher for an accuracy. */
    boolean improves(double metric, boolean lowerIsBetter) {
        Snapshot b = best();
        return !Double.isNaN(metric) && (b == null || (lowerIsBetter ? metric < b.metric() : metric > b.metric()));
    }

    /** Keeps the live arrays as the new best, reusing the arrays of the oldest kept one. */
    void keep(int update, double metric, List<double[][]> live, String optimizer, long optimizerUpdates,
              BatchOrder.Mark mark, Gradients last) {
        List<double[][]> copies = null;
        if (kept.size() == KEPT) {
            copies = kept.removeFirst().arrays();
            if (!sameShapes(copies, live)) {
                copies = null;
            }
        }
        if (copies == null) {
            copies = new ArrayList<>();
            for (double[][] a : live) {
                copies.add(new double[a.length][a[0].length]);
            }
        }
        for (int k = 0; k < live.size(); k++) {
            Tensor.copy(live.get(k), copies.get(k));
        }
        kept.addLast(new Snapshot(update, metric, copies, optimizer, optimizerUpdates, mark, last));
        sinceBest = 0;
    }

    private static boolean sameShapes(List<double[][]> a, List<double[][]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k).length != b.get(k).length || a.get(k)[0].length != b.get(k)[0].length) {
                return false;
            }
        }
        return true;
    }

    /** Forgets the bests of updates after {@code updates}, which were undone; {@code since} is the count then. */
    void undoTo(int updates, int since) {
        while (!kept.isEmpty() && kept.peekLast().update() > updates) {
            kept.removeLast();
        }
        sinceBest = since;
    }

    /** Forgets every best: the metric they were judged by changed. */
    void clear() {
        kept.clear();
        sinceBest = 0;
    }
}
