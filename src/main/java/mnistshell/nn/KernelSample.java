package mnistshell.nn;

import mnistshell.data.Dataset;

/**
 * One worker's pass of one sample through the network, forward and backward, adding into a
 * {@link KernelChunk}. The reference it equals is {@link Network#forward} and {@link Network#backward}.
 *
 * <p>Only non-zero inputs enter a sum: a zero adds nothing, so skipping it changes no result. The
 * first layer's inputs are the image's inked pixels, about 20% of them, as {@link SparseImages}
 * lists them; its sums, the bulk of the work, are made for the whole chunk before the samples run
 * ({@link #pixelSums} here, or {@link NativeSums}). The other layers' inputs are listed as the units
 * that are not off ({@code nzIndex}, {@code nzValue}). Loops run over the true layer sizes (10 for
 * the seed's): these rows are too short for the JIT's vector code, so every wasted lane would cost
 * a whole instruction.
 */
final class KernelSample {
    private final int[] sizes;
    /** z[l] and dz[l] for layers 1..L (index 0 unused: the input is the image). */
    private final double[][] z;
    private final double[][] dz;
    /** The output layer's probabilities (the hidden layers' activations are nzValue). */
    private final double[] p;
    /** The non-zero inputs of layer l (l >= 1): nzCount[l] of them. */
    private final int[][] nzIndex;
    private final double[][] nzValue;
    private final int[] nzCount;

    KernelSample(int[] sizes) {
        this.sizes = sizes;
        int depth = sizes.length;
        z = new double[depth][];
        dz = new double[depth][];
        nzIndex = new int[depth][];
        nzValue = new double[depth][];
        nzCount = new int[depth];
        p = new double[sizes[depth - 1]];
        for (int l = 0; l < depth; l++) {
            int n = l == 0 ? 0 : sizes[l];
            z[l] = new double[n];
            dz[l] = new double[n];
            nzIndex[l] = new int[n];
            nzValue[l] = new double[n];
        }
    }

    /**
     * Layer 1's sums for image {@code image} (z1 before the bias) into {@code out} at {@code at}, in
     * plain Java: what {@link NativeSums#pixelSums} does for a whole chunk.
     */
    void pixelSums(double[] wt, SparseImages x, int image, double[] out, int at) {
        sumInputs(wt, x.index, x.value, x.input, x.start[image], x.start[image + 1], out, at, sizes[1]);
    }

    /**
     * Forward (and backward) for the chunk's sample {@code k}, image {@code image}, whose layer-1
     * sums are already in {@code chunk.z1}; its loss, answer and gradient parts go into {@code chunk}.
     */
    void run(KernelBuffers b, KernelChunk chunk, int k, Network net, Dataset data, int image, boolean backward) {
        int label = data.label(image);
        forward(b.wt, chunk.z1, k, net);
        int layers = sizes.length - 1;
        int classes = sizes[layers];
        double[] logits = z[layers];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(logits[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
        chunk.loss += Math.log(sum) - (logits[label] - max);
        int predicted = FastKernel.argmax(p, classes);
        chunk.predictions[k] = predicted;
        chunk.correct += predicted == label ? 1 : 0;
        if (backward) {
            backward(b, chunk, k, net, label);
        }
    }

    /**
     * z[l] = (sum over non-zero inputs i of a_i * W^T[i]) + b; a_l = f(z[l]), listed by its non-zero
     * entries. Layer 1's sums are row {@code k} of {@code z1}.
     */
    private void forward(double[][] wt, double[] z1, int k, Network net) {
        int layers = sizes.length - 1;
        Activation f = net.hidden();
        for (int l = 1; l <= layers; l++) {
            double[] out = z[l];
            if (l == 1) {
                System.arraycopy(z1, k * out.length, out, 0, out.length);
            } else {
                sum(wt[l - 1], nzIndex[l - 1], nzValue[l - 1], 0, nzCount[l - 1], out, 0, out.length);
            }
            double[][] bias = net.biasValues(l - 1);
            for (int j = 0; j < out.length; j++) {
                out[j] += bias[j][0];
            }
            if (l < layers) {
                int n = 0;
                int[] index = nzIndex[l];
                double[] value = nzValue[l];
                for (int j = 0; j < out.length; j++) { // every unit written, the count moved past the non-zero ones
                    double v = f.apply(out[j]);
                    index[n] = j;
                    value[n] = v;
                    n += v != 0 ? 1 : 0;
                }
                nzCount[l] = n;
            }
        }
    }

    /**
     * out[at + j] = sum over k in [from, to) of value[k] * rows[index[k] * n + j], for j < n (rows
     * flat: one load fewer per input than an array of rows), eight outputs at a time kept in
     * registers (through memory, each input's sum would wait on the last one's store), with fused
     * multiply-adds (one rounding each: closer to the exact sum than the reference, not further).
     * Each output is one chain over k in order, whatever the blocking: {@link NativeSums} makes the
     * same chains, so the same bits.
     */
    static void sum(double[] rows, int[] index, double[] value, int from, int to, double[] out, int at, int n) {
        int j = 0;
        for (; j + 7 < n; j += 8) {
            if (n - j == 10) { // the seed's layers: ten at once saves a second pass over the inputs
                sumTen(rows, index, value, from, to, out, at + j, j, n);
                return;
            }
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int k = from; k < to; k++) {
                double v = value[k];
                int r = index[k] * n + j;
                s0 = Math.fma(v, rows[r], s0);
                s1 = Math.fma(v, rows[r + 1], s1);
                s2 = Math.fma(v, rows[r + 2], s2);
                s3 = Math.fma(v, rows[r + 3], s3);
                s4 = Math.fma(v, rows[r + 4], s4);
                s5 = Math.fma(v, rows[r + 5], s5);
                s6 = Math.fma(v, rows[r + 6], s6);
                s7 = Math.fma(v, rows[r + 7], s7);
            }
            int o = at + j;
            out[o] = s0;
            out[o + 1] = s1;
            out[o + 2] = s2;
            out[o + 3] = s3;
            out[o + 4] = s4;
            out[o + 5] = s5;
            out[o + 6] = s6;
            out[o + 7] = s7;
        }
        for (; j + 1 < n; j += 2) {
            double s0 = 0, s1 = 0;
            for (int k = from; k < to; k++) {
                double v = value[k];
                int r = index[k] * n + j;
                s0 = Math.fma(v, rows[r], s0);
                s1 = Math.fma(v, rows[r + 1], s1);
            }
            out[at + j] = s0;
            out[at + j + 1] = s1;
        }
        if (j < n) {
            double s0 = 0;
            for (int k = from; k < to; k++) {
                s0 = Math.fma(value[k], rows[index[k] * n + j], s0);
            }
            out[at + j] = s0;
        }
    }

    /** {@link #sum}'s last ten outputs, j .. j + 9 of rows n wide, written at out[o ..]. */
    private static void sumTen(double[] rows, int[] index, double[] value, int from, int to, double[] out, int o,
                               int j, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0;
        for (int k = from; k < to; k++) {
            double v = value[k];
            int r = index[k] * n + j;
            s0 = Math.fma(v, rows[r], s0);
            s1 = Math.fma(v, rows[r + 1], s1);
            s2 = Math.fma(v, rows[r + 2], s2);
            s3 = Math.fma(v, rows[r + 3], s3);
            s4 = Math.fma(v, rows[r + 4], s4);
            s5 = Math.fma(v, rows[r + 5], s5);
            s6 = Math.fma(v, rows[r + 6], s6);
            s7 = Math.fma(v, rows[r + 7], s7);
            s8 = Math.fma(v, rows[r + 8], s8);
            s9 = Math.fma(v, rows[r + 9], s9);
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
        out[o + 6] = s6;
        out[o + 7] = s7;
        out[o + 8] = s8;
        out[o + 9] = s9;
    }

    /**
     * {@link #sum} over stored pixels: out[at + j] = sum over k in [from, to) of input[value[k] & 0xFF]
     * * rows[index[k] * n + j], for j < n. The same chains as {@link #sum}, and as
     * {@link NativeSums}, which does this for whole chunks.
     */
    static void sumInputs(double[] rows, char[] index, byte[] value, double[] input, int from, int to, double[] out,
                          int at, int n) {
        int j = 0;
        for (; j + 7 < n; j += 8) {
            if (n - j == 10) {
                sumInputsTen(rows, index, value, input, from, to, out, at + j, j, n);
                return;
            }
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int k = from; k < to; k++) {
                double v = input[value[k] & 0xFF];
                int r = index[k] * n + j;
                s0 = Math.fma(v, rows[r], s0);
                s1 = Math.fma(v, rows[r + 1], s1);
                s2 = Math.fma(v, rows[r + 2], s2);
                s3 = Math.fma(v, rows[r + 3], s3);
                s4 = Math.fma(v, rows[r + 4], s4);
                s5 = Math.fma(v, rows[r + 5], s5);
                s6 = Math.fma(v, rows[r + 6], s6);
                s7 = Math.fma(v, rows[r + 7], s7);
            }
            int o = at + j;
            out[o] = s0;
            out[o + 1] = s1;
            out[o + 2] = s2;
            out[o + 3] = s3;
            out[o + 4] = s4;
            out[o + 5] = s5;
            out[o + 6] = s6;
            out[o + 7] = s7;
        }
        for (; j < n; j++) {
            double s0 = 0;
            for (int k = from; k < to; k++) {
                s0 = Math.fma(input[value[k] & 0xFF], rows[index[k] * n + j], s0);
            }
            out[at + j] = s0;
        }
    }

    private static void sumInputsTen(double[] rows, char[] index, byte[] value, double[] input, int from, int to,
                                     double[] out, int o, int j, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0;
        for (int k = from; k < to; k++) {
            double v = input[value[k] & 0xFF];
            int r = index[k] * n + j;
            s0 = Math.fma(v, rows[r], s0);
            s1 = Math.fma(v, rows[r + 1], s1);
            s2 = Math.fma(v, rows[r + 2], s2);
            s3 = Math.fma(v, rows[r + 3], s3);
            s4 = Math.fma(v, rows[r + 4], s4);
            s5 = Math.fma(v, rows[r + 5], s5);
            s6 = Math.fma(v, rows[r + 6], s6);
            s7 = Math.fma(v, rows[r + 7], s7);
            s8 = Math.fma(v, rows[r + 8], s8);
            s9 = Math.fma(v, rows[r + 9], s9);
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
        out[o + 4] = s4;
        out[o + 5] = s5;
        out[o + 6] = s6;
        out[o + 7] = s7;
        out[o + 8] = s8;
        out[o + 9] = s9;
    }

    /**
     * Leaves this sample's part of the gradients in {@code chunk} at row {@code k}, for
     * {@link KernelChunk#gradients}: dz_L = p - onehot, dz_l = (W[l]^T dz_{l+1}) * f'(z_l), and each
     * hidden layer's non-zero activations.
     */
    private void backward(KernelBuffers b, KernelChunk chunk, int k, Network net, int label) {
        int layers = sizes.length - 1;
        double[] top = dz[layers];
        for (int c = 0; c < top.length; c++) {
            top[c] = p[c] - (c == label ? 1 : 0);
        }
        System.arraycopy(top, 0, chunk.dz[layers - 1], k * top.length, top.length);
        Activation f = net.hidden();
        for (int l = layers - 1; l >= 1; l--) {
            chunk.addUnits(l, k, nzIndex[l], nzValue[l], nzCount[l]);
            double[] d = dz[l + 1];
            double[] below = dz[l];
            sum(b.w[l], b.identity, d, 0, d.length, below, 0, below.length); // below[i] = sum over j of d[j] * W[l][j][i]
            for (int i = 0; i < below.length; i++) {
                below[i] *= f.derivative(z[l][i]);
            }
            System.arraycopy(below, 0, chunk.dz[l - 1], k * below.length, below.length);
        }
    }
}
