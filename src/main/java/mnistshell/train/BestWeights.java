package mnistshell.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.data.Split;
import mnistshell.errors.ShellError;
import mnistshell.nn.Gradients;
import mnistshell.nn.Tensor;

/**
 * The weights of the best held-out metric so far, with everything of their update that training
 * on from them needs (optimizer state and step count, the batch order's place, the last
 * gradients), and early stopping's count of checks since. The newest few bests are kept, not one:
 * an undo takes back at most two updates, and each may have been a new best.
 */
public final class BestWeights {

    /** Copies of the live arrays (parameters, then optimizer state) after update {@code update}. */
    record Snapshot(int update, double metric, List<double[][]> arrays, String optimizer, long optimizerUpdates,
                    BatchOrder.Mark mark, Gradients last) {
    }

    /** One more than the updates an undo can take back, so the best before them is still here. */
    static final int KEPT = 3;

    private final ArrayDeque<Snapshot> kept = new ArrayDeque<>();
    /** Held-out checks since the best one. */
    private int sinceBest;

    /** The best weights of a saved session, and early stopping's count: what {@code save} keeps and {@code load} takes. */
    public record Saved(int update, double metric, List<double[][]> arrays, String optimizer,
                        long optimizerUpdates, BatchOrder.Mark mark, int sinceBest) {
    }

    /** The best so far, or null before the first held-out check. */
    Snapshot newest() {
        return kept.peekLast();
    }

    /** The update of the best weights so far, or 0 when there has been no held-out check. */
    public int update() {
        return kept.isEmpty() ? 0 : kept.peekLast().update();
    }

    /** The best held-out metric so far ({@link Settings#bestMetric()}), or NaN when there is none. */
    public double metric() {
        return kept.isEmpty() ? Double.NaN : kept.peekLast().metric();
    }

    /** Held-out checks since the best one: early stopping's count. */
    public int sinceBest() {
        return sinceBest;
    }

    /**
     * A held-out check of {@code t} after its update (the test accuracy {@code testAccuracy} is
     * measured already when there is no validation set): keeps the weights when the metric is the
     * best so far; returns why training stops when early stopping's patience has run out, else null.
     * Without validation images the test images are judged; with neither, nothing is.
     */
    String check(Training t, Dataset data, Split split, double testAccuracy) {
        Settings settings = t.settings();
        boolean loss = settings.bestMetric().equals("val-loss");
        double metric;
        if (split.hasValidation()) {
            List<History.Validation> v = t.history().validations();
            metric = loss ? v.get(v.size() - 1).loss() : v.get(v.size() - 1).accuracy();
        } else if (split.test().length > 0) {
            metric = loss ? t.evaluate(data, split.test()).loss() : testAccuracy;
        } else {
            return null; // nothing held out: nothing to judge by
        }
        return judge(t, metric);
    }

    /**
     * The judgement of one held-out {@code metric} of {@code t}'s weights now: kept when it beats
     * the best so far (a tie does not, nor does NaN), else one more check without improvement;
     * returns why training stops when early stopping's patience has run out, else null.
     */
    String judge(Training t, double metric) {
        Settings settings = t.settings();
        if (improves(metric, settings.bestMetric().equals("val-loss"))) {
            keep(t.updates(), metric, t.liveArrays(), t.optimizer().kind(), t.optimizer().updates(), t.order().mark(),
                    t.lastGradients());
            return null;
        }
        sinceBest++;
        int patience = settings.earlyStopPatience();
        if (patience > 0 && sinceBest >= patience) {
            return "early stop after update " + t.updates() + ": " + settings.bestMetric() + " not better for "
                    + patience + (patience == 1 ? " check" : " checks") + " since update " + update();
        }
        return null;
    }

    /**
     * The best weights copied into {@code live} (parameters, then optimizer state), the count of
     * checks since started again; returns the best, whose update the caller goes back to. Refused
     * in one line when there is none or the optimizer has changed since.
     */
    Snapshot restoreInto(List<double[][]> live, String optimizer) {
        Snapshot b = newest();
        if (b == null) {
            throw new ShellError("best restore: no best weights yet: they are kept at each"
                    + " held-out check (every full-batch update, or each epoch's end)");
        }
        if (!b.optimizer().equals(optimizer)) {
            throw new ShellError("best restore: the best weights were made with optimizer "
                    + b.optimizer() + ", now " + optimizer + ": set optimizer " + b.optimizer() + " first");
        }
        for (int k = 0; k < live.size(); k++) {
            Tensor.copy(b.arrays().get(k), live.get(k));
        }
        sinceBest = 0;
        return b;
    }

    /** The best as saved (the arrays are the ones kept: not to be changed), or null when there is none. */
    public Saved saved() {
        Snapshot b = newest();
        return b == null ? null : new Saved(b.update(), b.metric(), b.arrays(), b.optimizer(),
                b.optimizerUpdates(), b.mark(), sinceBest);
    }

    /** Takes the best weights of a saved session (copied), and its count of checks since. */
    public void keepSaved(Saved saved) {
        keep(saved.update(), saved.metric(), saved.arrays(), saved.optimizer(), saved.optimizerUpdates(), saved.mark(),
                null);
        sinceBest = saved.sinceBest();
    }

    /** Whether {@code metric} beats the best so far: lower for a loss, higher for an accuracy. */
    boolean improves(double metric, boolean lowerIsBetter) {
        Snapshot b = newest();
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

    /** Forgets every best: the metric they were judged by changed, or the images they were judged on. */
    public void clear() {
        kept.clear();
        sinceBest = 0;
    }
}
