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

    /** Share of images classified correctly, 0..1. */
    public double accuracy() {
        return count() == 0 ? 0 : (double) correct / count();
    }
}
