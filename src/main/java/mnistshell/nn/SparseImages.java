package mnistshell.nn;

import mnistshell.data.Dataset;

/**
 * The non-zero pixels of every image, found once per dataset: MNIST digits are about 80% background,
 * and a zero pixel adds nothing to a weighted sum, so the first layer needs only the rest.
 * Image {@code i}'s pixels are {@code index[start[i] .. start[i+1])} with their stored bytes in
 * {@code value}; about 150 a digit, 3 bytes each. {@code input[b]} is what the network sees for a
 * stored byte b ({@link Dataset#input}), looked up rather than divided for each pixel.
 */
final class SparseImages {

    final byte[] pixels;
    final int[] start;
    final char[] index;
    final byte[] value;
    final double[] input = new double[256];
    private final boolean normalized;

    private SparseImages(Dataset data, int[] start, char[] index, byte[] value) {
        this.pixels = data.pixels();
        this.normalized = data.normalized();
        this.start = start;
        this.index = index;
        this.value = value;
        for (int b = 0; b < 256; b++) {
            input[b] = data.input((byte) b);
        }
    }

    static SparseImages of(Dataset data) {
        byte[] pixels = data.pixels();
        int n = data.features();
        int count = 0;
        for (byte b : pixels) {
            count += b != 0 ? 1 : 0;
        }
        int[] start = new int[data.size() + 1];
        char[] index = new char[count];
        byte[] value = new byte[count];
        int k = 0;
        for (int i = 0; i < data.size(); i++) {
            start[i] = k;
            for (int p = 0, base = i * n; p < n; p++) {
                if (pixels[base + p] != 0) {
                    index[k] = (char) p;
                    value[k++] = pixels[base + p];
                }
            }
        }
        start[data.size()] = k;
        return new SparseImages(data, start, index, value);
    }

    /**
     * Whether images {@code images[from..to)} are inked enough that the native dense sums, which
     * read every pixel, beat the sparse ones, which read the inked: more than a quarter of their
     * pixels (MNIST's digits have about a fifth, Fashion-MNIST's clothes half). A function of the
     * images alone, so the choice is the same on any thread count (and either way, the same bits).
     */
    boolean inked(int[] images, int from, int to) {
        long ink = 0;
        for (int s = from; s < to; s++) {
            ink += start[images[s] + 1] - start[images[s]];
        }
        long pixels = this.pixels.length / Math.max(1, start.length - 1);
        return 4 * ink > (to - from) * pixels;
    }

    /** Whether this was built from {@code data}'s pixels (the same array, not merely equal), seen alike. */
    boolean isOf(Dataset data) {
        return pixels == data.pixels() && normalized == data.normalized();
    }
}
