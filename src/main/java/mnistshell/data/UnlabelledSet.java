package mnistshell.data;

/**
 * Images without labels, such as Kaggle's {@code test.csv}: for prediction only, never for training
 * (there is nothing to learn from), so it is a type of its own rather than a {@link Dataset}.
 *
 * @param source where the images came from, for messages
 * @param rows   image height in pixels
 * @param cols   image width in pixels
 * @param pixels {@code size() * rows * cols} unsigned bytes, image after image
 */
public record UnlabelledSet(String source, int rows, int cols, byte[] pixels) {

    public UnlabelledSet {
        if (rows <= 0 || cols <= 0 || pixels.length % (rows * cols) != 0) {
            throw new IllegalArgumentException(pixels.length + " bytes are not whole images of " + rows + "x" + cols);
        }
    }

    public int size() {
        return pixels.length / (rows * cols);
    }

    public int features() {
        return rows * cols;
    }

    /** Image {@code n}'s stored pixels, a copy. */
    public byte[] image(int n) {
        return java.util.Arrays.copyOfRange(pixels, n * features(), (n + 1) * features());
    }

    /**
     * The same pixels (shared) as a {@link Dataset} whose labels are all 0, so that the network's
     * kernels can run forward passes on them. Its accuracy and loss mean nothing: use only its
     * predictions, and never train on it.
     */
    public Dataset forPrediction(boolean normalized) {
        return new Dataset(source, rows, cols, pixels, new byte[size()], normalized);
    }

    @Override
    public String toString() {
        return "UnlabelledSet[" + source + ", " + size() + " images of " + rows + "x" + cols + "]";
    }
}
