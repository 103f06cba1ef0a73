package mnistshell.nn;

import java.util.Arrays;

/**
 * One chunk's samples as they go through the layers ({@link KernelLayers}): each layer's Z, A and
 * dZ with the samples as rows, then the chunk's sums: dW^T and db (not yet averaged), loss, right
 * answers, predictions. {@link #gradients} makes dW^T from those as matrix products, each entry's
 * sum kept in a register and stored once, instead of read, added to and written back for every
 * sample.
 */
final class KernelChunk {
    /** dWt[l] is the chunk's dW[l] transposed, (n_l, n_{l+1}), flat: row i at i * n_{l+1}. */
    final double[][] dWt;
    final double[][] db;
    final int[] predictions;
    /**
     * Layer 1's sums for each sample of the chunk, (samples, n_1), flat: sample s at s * n_1; the
     * bias is added in place, so that z1 becomes z[1].
     */
    final double[] z1;
    /** z[l] and act[l]: hidden layer l's Z and A (l >= 1), (samples, n_l), flat; z[1] is z1. */
    final double[][] z;
    final double[][] act;
    /** dz[l]: dz of layer l+1 for each sample of the chunk, (samples, n_{l+1}), flat: sample s at s * n_{l+1}. */
    final double[][] dz;
    private final int[] sizes;
    /**
     * The chunk's pixels column by column: for pixel p, the samples inked there (numbers within the
     * chunk, which holds at most 65,536) and their stored bytes, at [columnStart[p], columnStart[p+1]):
     * 3 bytes an entry, as in {@link SparseImages}, since every update reads them all.
     */
    private final int[] columnStart;
    private char[] columnSample = new char[0];
    private byte[] columnValue = new byte[0];
    /** The images the columns were made for: in full batch they are the same every update, so kept. */
    private final int[] columnImages;
    private int columnCount = -1;
    private SparseImages columnSource;
    int from;
    int to;
    double loss;
    int correct;

    KernelChunk(int[] sizes, int capacity) {
        int layers = sizes.length - 1;
        this.sizes = sizes;
        dWt = new double[layers][];
        db = new double[layers][];
        dz = new double[layers][];
        z = new double[layers][];
        act = new double[layers][];
        z1 = new double[capacity * sizes[1]];
        for (int l = 0; l < layers; l++) {
            dWt[l] = new double[sizes[l] * sizes[l + 1]];
            db[l] = new double[sizes[l + 1]];
            dz[l] = new double[capacity * sizes[l + 1]];
            if (l > 0) {
                z[l] = l == 1 ? z1 : new double[capacity * sizes[l]];
                act[l] = new double[capacity * sizes[l]];
            }
        }
        predictions = new int[capacity];
        columnStart = new int[sizes[0] + 1];
        columnImages = new int[capacity];
    }

    /**
     * dW^T[l][i] = sum over the chunk's samples s of a_s[i] * dz[l][s], and db[l] = sum over all
     * samples of dz[l][s]. For the first layer the inputs are the pixels: the chunk's images
     * regrouped pixel by pixel, made once and kept while the batch stays the same, and only the
     * inked ones summed. {@code ones} holds 1.0 and {@code identity} 0, 1, 2, ... for at least the
     * chunk's samples. With {@code nativeSums}, the first layer's sums, the bulk of the work, go to
     * {@link NativeSums}; the layers above are {@code products}' matrix products.
     */
    void gradients(SparseImages x, int[] indices, int[] identity, double[] ones, boolean nativeSums,
                   Products products) {
        if (x != columnSource || !Arrays.equals(columnImages, 0, Math.max(0, columnCount), indices, from, to)) {
            makeColumns(x, indices);
        }
        int pixels = sizes[0];
        if (nativeSums) {
            NativeSums.columnSums(dz[0], sizes[1], columnStart, columnSample, columnValue, x.input, pixels, dWt[0]);
        } else {
            for (int p = 0; p < pixels; p++) {
                KernelSums.sumInputs(dz[0], columnSample, columnValue, x.input, columnStart[p], columnStart[p + 1],
                        dWt[0], p * sizes[1], sizes[1]);
            }
        }
        int samples = to - from;
        for (int l = 1; l < dWt.length; l++) {
            products.multiply(act[l], 1, sizes[l], dz[l], sizes[l + 1], dWt[l], sizes[l], samples);
        }
        for (int l = 0; l < db.length; l++) {
            KernelSums.sum(dz[l], identity, ones, 0, to - from, db[l], 0, db[l].length);
        }
    }

    /** The chunk's images' pixels regrouped by pixel (a counting sort of the sparse images). */
    private void makeColumns(SparseImages x, int[] indices) {
        columnSource = x;
        columnCount = to - from;
        System.arraycopy(indices, from, columnImages, 0, columnCount);
        int pixels = columnStart.length - 1;
        Arrays.fill(columnStart, 0);
        int nonZero = 0;
        for (int s = from; s < to; s++) {
            int image = indices[s];
            for (int k = x.start[image]; k < x.start[image + 1]; k++) {
                columnStart[x.index[k] + 1]++;
            }
            nonZero += x.start[image + 1] - x.start[image];
        }
        if (columnSample.length < nonZero) {
            columnSample = new char[nonZero];
            columnValue = new byte[nonZero];
        }
        for (int p = 0; p < pixels; p++) {
            columnStart[p + 1] += columnStart[p];
        }
        for (int s = from; s < to; s++) { // columnStart[p] serves as pixel p's cursor, then is restored
            int image = indices[s];
            for (int k = x.start[image]; k < x.start[image + 1]; k++) {
                int at = columnStart[x.index[k]]++;
                columnSample[at] = (char) (s - from);
                columnValue[at] = x.value[k];
            }
        }
        for (int p = pixels; p > 0; p--) {
            columnStart[p] = columnStart[p - 1];
        }
        columnStart[0] = 0;
    }

    /** Ready for the chunk's samples; dW^T and db need no clearing: {@link #gradients} writes every entry. */
    void clear() {
        loss = 0;
        correct = 0;
    }

    /** Adds the chunk's hidden activations, as its samples left them, into {@code sums}. */
    void addActivity(Activation act, HiddenStats.Sums sums) {
        int samples = to - from;
        for (int l = 1; l < this.act.length; l++) {
            double[] a = this.act[l];
            int n = sizes[l];
            long zeros = 0;
            for (int i = 0; i < n; i++) { // unit by unit, the samples in order, the zeros counted apart
                for (int at = i, end = samples * n; at < end; at += n) {
                    double v = a[at];
                    if (v != 0) {
                        sums.add(l - 1, act, v);
                    } else {
                        zeros++;
                    }
                }
            }
            sums.addZeros(l - 1, act, zeros);
        }
    }
}
