package mnistshell.nn;

/**
 * How the network does on a set of images.
 *
 * @param loss        mean cross-entropy
 * @param correct     number of images whose most probable class is their label
 * @param predictions most probable class of each image, in the order the images were given
 */
public record Evaluation(double loss, int correct, int[] predictions) {

    public int count() {
        return predictions.length;
    }

    /** Index of the largest value (the first, on a tie): the predicted class of a probability vector. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Share of images classified correctly, 0..1. */
    public double accuracy() {
        return count() == 0 ? 0 : (double) correct / count();
    }
}
