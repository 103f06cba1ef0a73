package mnistshell.render;

/**
 * What the viewer says about one image besides its pixels.
 *
 * @param name          how to reach it again, e.g. {@code image 5 of 10000} or {@code drawn:0 of 2}
 * @param set           "train", "test" or "drawn"
 * @param label         its label, or -1 when it has none (drawn images)
 * @param probabilities the network's class probabilities for it
 */
public record DigitFacts(String name, String set, int label, double[] probabilities) {

    public int predicted() {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    public boolean labelled() {
        return label >= 0;
    }

    /** E.g. {@code image 5 of 10000 (train set): label 2, predicted 2 (93.1%) right}. */
    public String header() {
        int p = predicted();
        String verdict = labelled() ? (p == label ? " right" : " WRONG") : "";
        return String.format("%s (%s set): %s, predicted %d (%.1f%%)%s", name, set,
                labelled() ? "label " + label : "unlabelled", p, 100 * probabilities[p], verdict);
    }
}
