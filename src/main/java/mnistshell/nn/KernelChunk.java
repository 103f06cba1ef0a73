package mnistshell.nn;

import java.util.Arrays;

/**
 * One chunk's sums over its samples: dW^T and db (not yet averaged), loss, right answers,
 * predictions; and, for the first layer, each sample's dz1, turned into dW1^T pixel by pixel once
 * the chunk's samples are done ({@link #firstLayerGradient}).
 */
final class KernelChunk {
    final double[][][] dWt;
    final double[][] db;
    final int[] predictions;
    /** dz of layer 1 for each sample of the chunk, (samples, n_1), flat: sample s at s * n_1. */
    final double[] dz1;
    /** The chunk's pixels column by column: for pixel p, samples and values at [columnStart[p], columnStart[p+1]). */
    private final int[] columnStart;
    private int[] columnSample = new int[0];
    private double[] columnValue = new double[0];
    /** The images the columns were made for: in full batch they are the same every update, so kept. */
    private int[] columnImages = new int[0];
    private SparseImages columnSource;
    int from;
    int to;
    double loss;
    int correct;

    KernelChunk(int[] sizes, int capacity) {
        int layers = sizes.length - 1;
        dWt = new double[layers][][];
        db = new double[layers][];
        for (int l = 0; l < layers; l++) {
            dWt[l] = new double[sizes[l]][sizes[l + 1]];
            db[l] = new double[sizes[l + 1]];
        }
        predictions = new int[capacity];
        dz1 = new double[capacity * sizes[1]];
        columnStart = new int[sizes[0] + 1];
    }

    /**
     * dW1^T[p] = sum over the chunk's samples s inked at pixel p of x_s[p] * dz1[s], for every pixel:
     * the same sums as adding x_s * dz1[s] sample by sample, but each row is made in registers and
     * stored once, instead of 150 scattered read-modify-writes per sample.
     */
    void firstLayerGradient(SparseImages x, int[] indices) {
        if (x != columnSource || !Arrays.equals(columnImages, 0, columnImages.length, indices, from, to)) {
            makeColumns(x, indices);
        }
        double[][] gwt = dWt[0];
        for (int p = 0; p < gwt.length; p++) {
            KernelSample.sum(dz1, columnSample, columnValue, columnStart[p], columnStart[p + 1], gwt[p]);
        }
    }

    /** The chunk's images' pixels regrouped by pixel (a counting sort of the sparse images). */
    private void makeColumns(SparseImages x, int[] indices) {
        columnSource = x;
        columnImages = Arrays.copyOfRange(indices, from, to);
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
            columnSample = new int[nonZero];
            columnValue = new double[nonZero];
        }
        for (int p = 0; p < pixels; p++) {
            columnStart[p + 1] += columnStart[p];
        }
        for (int s = from; s < to; s++) { // columnStart[p] serves as pixel p's cursor, then is restored
            int image = indices[s];
            for (int k = x.start[image]; k < x.start[image + 1]; k++) {
                int at = columnStart[x.index[k]]++;
                columnSample[at] = s - from;
                columnValue[at] = x.input[x.value[k] & 0xFF];
            }
        }
        for (int p = pixels; p > 0; p--) {
            columnStart[p] = columnStart[p - 1];
        }
        columnStart[0] = 0;
    }

    void clear(boolean backward) {
        loss = 0;
        correct = 0;
        if (backward) { // dWt[0] needs no clearing: firstLayerGradient writes every row of it
            for (int l = 0; l < dWt.length; l++) {
                for (int i = 0; l > 0 && i < dWt[l].length; i++) {
                    Arrays.fill(dWt[l][i], 0);
                }
                Arrays.fill(db[l], 0);
            }
        }
    }
}
