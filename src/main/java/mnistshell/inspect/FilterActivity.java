package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
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

    /** Every convolution of {@code net} over images {@code indices} of {@code data}, a chunk at a time. */
    public static List<FilterActivity> of(Sequential net, Dataset data, int[] indices) {
        return LayeredActivity.of(net, data, indices).filters();
    }

    /** Every convolution of {@code net} over the images of X: (in().size(), m), one a column. */
    public static List<FilterActivity> of(Sequential net, Matrix x) {
        return LayeredActivity.of(net, x).filters();
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
}
