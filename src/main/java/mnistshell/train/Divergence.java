package mnistshell.train;

import mnistshell.data.Dataset;
import mnistshell.render.Numbers;

/**
 * When training has diverged, and how to say so: a loss that is NaN, infinite, or beyond
 * {@code set diverge}'s multiple of the first update's, in one line that names where training went back to.
 */
final class Divergence {

    private Divergence() {
    }

    /** Whether a loss is finite and within {@code set diverge}'s limit. */
    static boolean withinLimit(double loss, Settings settings, History history) {
        return Double.isFinite(loss) && loss <= settings.diverge() * firstLoss(history);
    }

    /**
     * The loss the limit is a multiple of: the first update's (that of this network's first
     * weights), or ln 10, a uniform guess's, when that is larger, so that weights loaded already
     * trained are not held to a tiny first loss.
     */
    private static double firstLoss(History history) {
        double first = history.points().isEmpty() ? 0 : history.points().get(0).loss();
        return Math.max(first, Math.log(Dataset.CLASSES));
    }

    /** "loss 2.43 -> 6.7e9" (from the first update's), or "loss NaN". */
    static String lossProblem(double loss, History history) {
        if (!Double.isFinite(loss)) {
            return "loss " + loss;
        }
        String first = history.points().isEmpty() ? "" : Numbers.brief(history.points().get(0).loss()) + " -> ";
        return "loss " + first + Numbers.brief(loss);
    }

    /** One line within 80 columns after "-c: error: ": which update went wrong, how, and where training is now. */
    static String diverged(int update, String what, int back) {
        return "update " + update + " diverged: " + what + "; back to "
                + (back == 0 ? "the initial weights" : "update " + back);
    }
}
