package mnistshell.nn;

import mnistshell.data.Dataset;

/**
 * One worker's pass of a chunk of samples through the layers, forward and backward, layer by
 * layer as matrix products over the whole chunk ({@link Products}). The reference it equals is
 * {@link Network#forward} and {@link Network#backward}, applied sample by sample.
 *
 * <p>With samples as rows (S of them, a layer's units as columns):
 * <ul>
 * <li>forward: Z[l+1] = A[l] W[l]^T + b, A[l+1] = f(Z[l+1]); layer 1's products are already made
 *     from the image's inked pixels ({@link FastKernel#work});
 * <li>output: softmax, loss and answer per sample, dZ[L] = P - onehot;
 * <li>backward: dZ[l] = (dZ[l+1] W[l]) * f'(Z[l]);
 * <li>and, in {@link KernelChunk#gradients}, dW[l]^T = A[l]^T dZ[l+1].
 * </ul>
 * Each product's entry is one chain over its inputs in order: the same chains as one sample's
 * matrix-vector sums, so blocking the samples together changes no bit.
 */
final class KernelLayers {

    private final int[] sizes;
    final Products products;
    private KernelActivations scratch;

    KernelLayers(int[] sizes, boolean nativeProducts) {
        this.sizes = sizes;
        this.products = new Products(nativeProducts);
    }

    /** This worker's activations, for evaluations: for up to {@code capacity} samples. */
    KernelActivations scratch(int capacity) {
        if (scratch == null || scratch.capacity < capacity) {
            scratch = new KernelActivations(sizes, capacity);
        }
        return scratch;
    }

    /**
     * Forward (and backward) for the chunk's samples, whose layer-1 sums (before the bias) are in
     * {@code chunk.acts.z1}; loss and right answers go into {@code chunk}, predictions into
     * {@code predictions} (unless null) at the samples' places in the batch, and with
     * {@code backward} every layer's dZ into {@code chunk.acts}.
     */
    void run(KernelBuffers b, KernelChunk chunk, Network net, Dataset data, int[] indices, boolean backward,
             int[] predictions) {
        int samples = chunk.to - chunk.from;
        int layers = sizes.length - 1;
        Activation f = net.hidden();
        KernelActivations acts = chunk.acts;
        if (layers == 1) {
            System.arraycopy(acts.z1, 0, acts.dz[0], 0, samples * sizes[1]);
        }
        for (int l = 1; l < layers; l++) {
            int n = sizes[l];
            double[] bias = b.bias[l - 1];
            double[] z = acts.z[l];
            double[] a = acts.act[l];
            double slope = leakySlope(f); // Leaky ReLU's slope in (0, 1]: max(v, slope v), without a branch to guess
            for (int s = 0, at = 0; s < samples; s++) {
                for (int j = 0; j < n; j++, at++) {
                    double v = z[at] + bias[j];
                    z[at] = v;
                    a[at] = slope >= 0 ? leaky(v, slope) : f.apply(v);
                }
            }
            double[] next = l + 1 < layers ? acts.z[l + 1] : acts.dz[layers - 1];
            products.multiply(a, n, 1, b.wt[l], sizes[l + 1], next, samples, n);
        }
        output(chunk, net, data, indices, samples, backward, predictions);
        for (int l = layers - 1; backward && l >= 1; l--) {
            int n = sizes[l];
            double[] below = acts.dz[l - 1];
            products.multiply(acts.dz[l], sizes[l + 1], 1, b.w[l], n, below, samples, sizes[l + 1]);
            double[] z = acts.z[l];
            double slope = leakySlope(f);
            if (slope >= 0) { // times 1 where z > 0, else times the slope: chosen by the bits, without a branch to guess
                for (int at = 0, end = samples * n; at < end; at++) {
                    below[at] = leakyBack(below[at], z[at], slope);
                }
            } else {
                for (int at = 0, end = samples * n; at < end; at++) {
                    below[at] *= f.derivative(z[at]);
                }
            }
        }
    }

    /** +infinity's bits: a double's bits minus 1 below them, as signed longs, are those of a z > 0. */
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    /** Leaky ReLU of v for a slope in (0, 1], as {@link Activation.LeakyRelu#apply}: the larger of v and slope v. */
    static double leaky(double v, double slope) {
        return Math.max(v, slope * v);
    }

    /**
     * d times Leaky ReLU's derivative at z, as {@code d * derivative(z)}: d where z > 0 (d times
     * 1), else d times the slope, the one chosen by the bits rather than by a branch.
     */
    static double leakyBack(double d, double z, double slope) {
        long kept = Double.doubleToRawLongBits(d);
        long scaled = Double.doubleToRawLongBits(d * slope);
        long t = Double.doubleToRawLongBits(z) - 1; // z > 0: its bits in [1, +infinity's]
        long positive = (t >>> 63 ^ 1) & ((t - INFINITY_BITS) >>> 63); // 0 <= t < infinity's bits
        long mask = -positive;
        return Double.longBitsToDouble((kept & mask) | (scaled & ~mask));
    }

    /** Leaky ReLU's slope when it is in (0, 1], where the branch-free loops above hold (at 0, 0 times infinity would be NaN); else -1. */
    private static double leakySlope(Activation f) {
        return f instanceof Activation.LeakyRelu leaky && leaky.slope() > 0 && leaky.slope() <= 1 ? leaky.slope() : -1;
    }

    /**
     * The output layer, sample by sample, on the logits' sums in {@code dz[L-1]}: softmax, loss,
     * answer; with {@code backward}, P - onehot left in their place.
     */
    private void output(KernelChunk chunk, Network net, Dataset data, int[] indices, int samples, boolean backward,
                        int[] predictions) {
        int layers = sizes.length - 1;
        int classes = sizes[layers];
        double[] out = chunk.acts.dz[layers - 1];
        double[][] bias = net.biasValues(layers - 1);
        for (int s = 0, o = 0; s < samples; s++, o += classes) {
            int label = data.label(indices[chunk.from + s]);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                out[o + c] += bias[c][0];
                max = Math.max(max, out[o + c]);
            }
            double own = out[o + label];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                out[o + c] = Math.exp(out[o + c] - max);
                sum += out[o + c];
            }
            int predicted = 0;
            for (int c = 0; c < classes; c++) {
                out[o + c] /= sum;
                predicted = out[o + c] > out[o + predicted] ? c : predicted;
            }
            chunk.loss += Math.log(sum) - (own - max);
            if (predictions != null) {
                predictions[chunk.from + s] = predicted;
            }
            chunk.correct += predicted == label ? 1 : 0;
            if (backward) {
                out[o + label] -= 1;
            }
        }
    }
}
