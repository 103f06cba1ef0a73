package mnistshell.data;

import java.util.Arrays;

/**
 * Images and their labels, as loaded from a file: pixels stay one unsigned byte each.
 *
 * <p>Image {@code i} occupies {@code pixels[i*rows*cols .. (i+1)*rows*cols)}, row by row, as in the
 * IDX format and in Kaggle's CSV. Pixels are scaled to [0, 1] only where they are used
 * ({@link #pixel(int, int)}), so 42,000 images take 33 MB rather than 260 MB of doubles. With
 * {@code normalized} false the network sees raw 0-255 values, the seed author's first mistake.
 *
 * @param source  where the data came from, for messages
 * @param rows    image height in pixels
 * @param cols    image width in pixels
 * @param pixels  {@code count * rows * cols} unsigned bytes
 * @param labels  {@code count} labels, 0..9
 * @param normalized whether the network sees pixels scaled to [0, 1] (the default) or raw 0..255
 */
public record Dataset(String source, int rows, int cols, byte[] pixels, byte[] labels, boolean normalized) {

    public static final int CLASSES = 10;

    /** Normalised data: the network sees pixels in [0, 1]. */
    public Dataset(String source, int rows, int cols, byte[] pixels, byte[] labels) {
        this(source, rows, cols, pixels, labels, true);
    }

    public Dataset {
        if (rows <= 0 || cols <= 0 || pixels.length != labels.length * rows * cols) {
            throw new IllegalArgumentException("pixels do not match " + labels.length
                    + " images of " + rows + "x" + cols);
        }
    }

    public int size() {
        return labels.length;
    }

    /** Pixels per image: 784 for MNIST. */
    public int features() {
        return rows * cols;
    }

    public int label(int image) {
        return labels[image];
    }

    /** Pixel {@code p} of image {@code image} as stored, 0..255. */
    public int rawPixel(int image, int p) {
        return pixels[image * features() + p] & 0xFF;
    }

    /** Pixel {@code p} of image {@code image} as the network sees it: scaled to [0, 1] when normalised. */
    public double pixel(int image, int p) {
        return input(pixels[image * features() + p]);
    }

    /** A stored pixel byte as the network sees it. Kernels call this so they equal {@link #pixel}. */
    public double input(byte stored) {
        int raw = stored & 0xFF;
        return normalized ? raw / 255.0 : raw;
    }

    /** The same images and labels (shared, not copied), seen normalised or raw. */
    public Dataset withNormalized(boolean on) {
        return new Dataset(source, rows, cols, pixels, labels, on);
    }

    /** Number of images of each class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[CLASSES];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && rows == d.rows && cols == d.cols && normalized == d.normalized
                && Arrays.equals(pixels, d.pixels) && Arrays.equals(labels, d.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pixels) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Dataset[" + source + ", " + size() + " images of " + rows + "x" + cols + "]";
    }
}
