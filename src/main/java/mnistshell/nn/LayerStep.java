package mnistshell.nn;

import java.util.Arrays;
import mnistshell.nn.layer.Shape;

/**
 * One layer of a {@link mnistshell.nn.layer.Sequential} as {@link LayerKernel} runs it, for a
 * chunk of samples on flat arrays: it reads boundary {@link #at} of a {@link LayerScratch} and
 * writes boundary {@code at + 1}, and back. At every boundary a sample's values lie
 * position-major, (y, x, c) with the channel fastest, sample after sample: sample j's value
 * (c, y, x) at {@code j * size + (y * W + x) * C + c}. Then a convolution is one product over all
 * the chunk's positions, neither its input nor its output regrouped; a flat vector (n x 1 x 1) or a
 * single channel is laid out as the reference's column is.
 */
abstract class LayerStep {
    /** Its index among the layers: it reads boundary {@code at} and writes {@code at + 1}. */
    final int at;
    final Shape in;
    final Shape out;
    final int inSize;
    final int outSize;

    LayerStep(int at, Shape in, Shape out) {
        this.at = at;
        this.in = in;
        this.out = out;
        this.inSize = in.size();
        this.outSize = out.size();
    }

    /** Its index among the layers with parameters, or -1 for none. */
    int param() {
        return -1;
    }

    /** The shapes (rows, columns) of its W, when it has parameters. */
    int weightRows() {
        return 0;
    }

    int weightColumns() {
        return 0;
    }

    /** Makes in {@code s} the buffers it needs for chunks of up to {@code capacity} samples. */
    void reserve(LayerScratch s, int capacity) {
    }

    /** Copies the live parameters into its flat arrays, once a call, before any chunk runs. */
    void refresh() {
    }

    /** Boundary at → boundary at + 1, for the chunk's {@code s.count} samples. */
    abstract void forward(LayerScratch s);

    /**
     * The output's gradient (boundary at + 1 of {@code s.d}, each sample's own) → the chunk's
     * parameter sums into {@code slot} (sums over its samples, not means), and, when
     * {@code inputGradient}, the input's gradient into boundary at of {@code s.d}. The output's
     * gradient may be overwritten.
     */
    abstract void backward(LayerScratch s, LayerSlot slot, boolean inputGradient);

    /**
     * Where each value of a sample, in the reference's channel-major order (c, y, x), lies at a
     * boundary: (y * W + x) * C + c; null where the two orders are one (a single channel, or flat).
     */
    static int[] positionMajor(Shape shape) {
        int c = shape.channels();
        if (c == 1 || shape.isFlat()) {
            return null;
        }
        int positions = shape.height() * shape.width();
        int[] order = new int[shape.size()];
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < positions; p++) {
                order[ch * positions + p] = p * c + ch;
            }
        }
        return order;
    }

    /** z + b, channel by channel ({@code channels} fastest), then the activation (null: none), for n values. */
    static void biasAndActivation(double[] z, double[] b, int channels, Activation act, double[] a,
                                  int n) {
        for (int e = 0, c = 0; e < n; e++) {
            z[e] += b[c];
            a[e] = act == null ? z[e] : act.apply(z[e]);
            c = c + 1 == channels ? 0 : c + 1;
        }
    }

    /** dA ⊙ act'(Z) in place over n values: dZ; nothing when act is null. */
    static void throughActivation(double[] d, double[] z, Activation act, int n) {
        if (act == null) {
            return;
        }
        for (int e = 0; e < n; e++) {
            d[e] = d[e] * act.derivative(z[e]);
        }
    }

    /** The sum of each channel's dZ over {@code n / channels} rows of {@code channels}: a chunk's db. */
    static void channelSums(double[] d, int channels, int n, double[] into) {
        Arrays.fill(into, 0);
        for (int e = 0, c = 0; e < n; e++) {
            into[c] += d[e];
            c = c + 1 == channels ? 0 : c + 1;
        }
    }
}
