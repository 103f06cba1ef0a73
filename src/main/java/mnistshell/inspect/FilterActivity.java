package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.Batch;
import mnistshell.nn.layer.Conv;
import mnistshell.nn.layer.Layer;
import mnistshell.nn.layer.Pass;
import mnistshell.nn.layer.Sequential;
import org.la4j.Matrix;

/**
 * How alive each filter of a convolution is over a set of images, as {@link LayerActivity} is for
 * dense units. A filter is active at a position of an image when its output there, after the
 * layer's activation (what the next layer sees), is above 0; it is <b>dead</b> when it is active
 * nowhere: at or below 0 at every position of every image. A dead ReLU filter then passes no
 * gradient back and never learns again.
 *
 * @param layer           its place in the stack, 1 for the first layer
 * @param token           its spec token, {@code conv8k5}
 * @param activation      its activation as the shell prints it, {@code leaky-relu(0.01)}; "none"
 * @param positions       output positions per image and filter, Ho Wo
 * @param images          how many images were seen
 * @param activeImages    per filter, the images on which it was active at one position or more
 * @param activePositions per filter, its active positions summed over the images
 */
public record FilterActivity(int layer, String token, String activation, int positions, int images,
                             int[] activeImages, long[] activePositions) {

    /** Images per forward pass: a conv layer unfolds each one into Ho Wo patches. */
    static final int CHUNK = 100;

    /** Every convolution of {@code net} over images {@code indices} of {@code data}, a chunk at a time. */
    public static List<FilterActivity> of(Sequential net, Dataset data, int[] indices) {
        Counts counts = new Counts(net);
        for (int from = 0; from < indices.length; from += CHUNK) {
            counts.add(Batch.of(data, indices, from, Math.min(indices.length, from + CHUNK)).x());
        }
        return counts.done();
    }

    /** Every convolution of {@code net} over the images of X: (in().size(), m), one a column. */
    public static List<FilterActivity> of(Sequential net, Matrix x) {
        Counts counts = new Counts(net);
        counts.add(x);
        return counts.done();
    }

    public int filters() {
        return activeImages.length;
    }

    /** Filters active nowhere on any image. */
    public List<Integer> dead() {
        List<Integer> out = new ArrayList<>();
        for (int f = 0; f < filters(); f++) {
            if (activeImages[f] == 0) {
                out.add(f);
            }
        }
        return out;
    }

    /** Share of filter f's positions, over all images, where it was active. */
    public double activeShare(int f) {
        return images == 0 ? 0 : (double) activePositions[f] / ((long) images * positions);
    }

    /** The mean share of the layer's outputs (every filter, every position) active per image. */
    public double meanActiveShare() {
        long total = 0;
        for (long a : activePositions) {
            total += a;
        }
        return images == 0 ? 0 : (double) total / ((long) images * positions * filters());
    }

    /** The counts of every conv layer, filled a batch at a time. */
    private static final class Counts {
        private final Sequential net;
        private final List<Integer> convs = new ArrayList<>();
        private final int[][] activeImages;
        private final long[][] activePositions;
        private int images;

        Counts(Sequential net) {
            this.net = net;
            for (int l = 0; l < net.layers().size(); l++) {
                if (net.layers().get(l) instanceof Conv) {
                    convs.add(l);
                }
            }
            activeImages = new int[convs.size()][];
            activePositions = new long[convs.size()][];
            for (int i = 0; i < convs.size(); i++) {
                Conv conv = (Conv) net.layers().get(convs.get(i));
                activeImages[i] = new int[conv.filters()];
                activePositions[i] = new long[conv.filters()];
            }
        }

        /** X: (in().size(), m) through the layers up to the last convolution, dropout off. */
        void add(Matrix x) {
            Matrix a = x;
            int last = convs.isEmpty() ? -1 : convs.get(convs.size() - 1);
            for (int l = 0, i = 0; l <= last; l++) {
                Layer layer = net.layers().get(l);
                a = layer.forward(a, Pass.evaluation());
                if (layer instanceof Conv conv) {
                    count(a, conv.out().height() * conv.out().width(), activeImages[i], activePositions[i]);
                    i++;
                }
            }
            images += x.columns();
        }

        /** A: (C Ho Wo, m): for each filter c and image j, its positions above 0. */
        private static void count(Matrix a, int positions, int[] images, long[] total) {
            for (int j = 0; j < a.columns(); j++) {
                for (int c = 0; c < images.length; c++) {
                    int active = 0;
                    for (int p = c * positions; p < (c + 1) * positions; p++) {
                        active += a.get(p, j) > 0 ? 1 : 0;
                    }
                    images[c] += active > 0 ? 1 : 0;
                    total[c] += active;
                }
            }
        }

        List<FilterActivity> done() {
            List<FilterActivity> out = new ArrayList<>();
            for (int i = 0; i < convs.size(); i++) {
                Conv conv = (Conv) net.layers().get(convs.get(i));
                String act = conv.activation() == null ? "none" : conv.activation().toString();
                out.add(new FilterActivity(convs.get(i) + 1, conv.token(), act,
                        conv.out().height() * conv.out().width(), images, activeImages[i], activePositions[i]));
            }
            return out;
        }
    }
}
