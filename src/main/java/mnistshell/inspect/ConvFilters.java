package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.nn.layer.Conv;
import mnistshell.nn.layer.Layer;
import mnistshell.nn.layer.Sequential;

/**
 * A convolution's filters as pictures to draw: filter f's weights on input channel c as a k x k
 * map, row by row. W is (C, C_in k k), one filter a row, c-major then dy then dx (see
 * {@code Patches}), so slice (f, c) is the run of k k values of row f from c k k on.
 *
 * @param weights  its number among the layers with weights: 1 for W1, as {@code view weights} counts
 * @param layer    its place in the stack, 1 for the first layer (as the layer table numbers it)
 * @param token    its spec token, {@code conv8k5}
 * @param kernel   k
 * @param slices   [f][c] the k k weights of filter f on input channel c, row by row (copies)
 */
public record ConvFilters(int weights, int layer, String token, int kernel, double[][][] slices) {

    /** The convolution whose weights are W{@code weights}; null when that layer is no convolution. */
    public static ConvFilters of(Sequential net, int weights) {
        int number = 0;
        for (int l = 0; l < net.layers().size(); l++) {
            Layer layer = net.layers().get(l);
            if (layer.params().isEmpty()) {
                continue;
            }
            number++;
            if (number == weights) {
                return layer instanceof Conv conv ? of(conv, weights, l + 1) : null;
            }
        }
        throw new IllegalArgumentException("no W" + weights + ": the network has " + number + " layers with weights");
    }

    /** The W numbers of the network's convolutions, in order: {@code [1, 2]} for conv-pool-conv-pool-64-10. */
    public static List<Integer> convolutions(Sequential net) {
        List<Integer> out = new ArrayList<>();
        int number = 0;
        for (Layer layer : net.layers()) {
            if (!layer.params().isEmpty()) {
                number++;
                if (layer instanceof Conv) {
                    out.add(number);
                }
            }
        }
        return out;
    }

    static ConvFilters of(Conv conv, int weights, int layer) {
        int k = conv.kernel();
        int area = k * k;
        int channels = conv.in().channels();
        double[][] w = conv.params().get(0).values();
        double[][][] slices = new double[conv.filters()][channels][area];
        for (int f = 0; f < slices.length; f++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(w[f], c * area, slices[f][c], 0, area);
            }
        }
        return new ConvFilters(weights, layer, conv.token(), k, slices);
    }

    public int filters() {
        return slices.length;
    }

    /** C_in, the input channels each filter reads. */
    public int channels() {
        return slices[0].length;
    }

    /** Filter f's k k weights averaged over its input channels (the slice itself for one channel). */
    public double[] mean(int f) {
        double[] out = new double[kernel * kernel];
        for (double[] slice : slices[f]) {
            for (int i = 0; i < out.length; i++) {
                out[i] += slice[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= channels();
        }
        return out;
    }

    /** Every filter's mean over its input channels, [f][k k]. */
    public double[][] means() {
        double[][] out = new double[filters()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = mean(f);
        }
        return out;
    }

    /** Every slice, filter by filter and within a filter channel by channel: [f C_in + c][k k]. */
    public double[][] allSlices() {
        double[][] out = new double[filters() * channels()][];
        for (int f = 0; f < filters(); f++) {
            for (int c = 0; c < channels(); c++) {
                out[f * channels() + c] = slices[f][c];
            }
        }
        return out;
    }
}
