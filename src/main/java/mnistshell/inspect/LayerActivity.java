package mnistshell.inspect;

import java.util.ArrayList;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.nn.Activation;
import mnistshell.nn.Network;
import org.la4j.Matrix;

/**
 * How one hidden layer's units behave over a set of images: on how many images each is active
 * (its output above zero for ReLU types, above the midpoint for sigmoid and tanh) and on how many
 * it is saturated (sigmoid and tanh only: slope under {@value #SATURATED_SLOPE} of its largest, so
 * almost no gradient flows back through it).
 *
 * @param layer     1 for the first hidden layer
 * @param images    how many images were seen
 * @param active    per unit, images on which it was active
 * @param saturated per unit, images on which it was saturated (all 0 for ReLU types)
 * @param slope     per unit, the sum over images of its slope as a share of the activation's
 *                  largest: divided by {@code images}, the share of the gradient it passes back
 */
public record LayerActivity(int layer, int images, int[] active, int[] saturated, double[] slope) {

    static final double SATURATED_SLOPE = 0.05;
    /** A unit saturated on more than this share of the images counts as a saturated unit. */
    static final double MOSTLY = 0.9;

    /** The activity of every hidden layer of {@code net} over images {@code indices}. */
    public static List<LayerActivity> of(Network net, Dataset data, int[] indices) {
        int hiddenLayers = net.layers() - 1;
        int[] sizes = net.sizes();
        int[][] active = new int[hiddenLayers][];
        int[][] saturated = new int[hiddenLayers][];
        double[][] slope = new double[hiddenLayers][];
        for (int l = 0; l < hiddenLayers; l++) {
            active[l] = new int[sizes[l + 1]];
            saturated[l] = new int[sizes[l + 1]];
            slope[l] = new double[sizes[l + 1]];
        }
        Activation act = net.hidden();
        boolean saturates = saturates(act);
        double largest = Math.max(act.derivative(0), act.derivative(1)); // ReLU types peak above 0, S-shapes at 0
        double flat = SATURATED_SLOPE * act.derivative(0);
        Passes.over(net, data, indices, (pass, batch, from) -> {
            for (int l = 0; l < hiddenLayers; l++) {
                Matrix z = pass.z()[l + 1];
                for (int u = 0; u < z.rows(); u++) {
                    for (int j = 0; j < z.columns(); j++) {
                        double v = z.get(u, j);
                        double d = act.derivative(v);
                        slope[l][u] += d / largest;
                        active[l][u] += act.active(v) ? 1 : 0;
                        saturated[l][u] += saturates && d < flat ? 1 : 0;
                    }
                }
            }
        });
        List<LayerActivity> out = new ArrayList<>();
        for (int l = 0; l < hiddenLayers; l++) {
            out.add(new LayerActivity(l + 1, indices.length, active[l], saturated[l], slope[l]));
        }
        return out;
    }

    /** Whether saturation means anything for {@code act}: the bounded, S-shaped ones. */
    public static boolean saturates(Activation act) {
        return act.name().equals("sigmoid") || act.name().equals("tanh");
    }

    public int units() {
        return active.length;
    }

    /** Share of images on which unit {@code u} was active. */
    public double activeShare(int u) {
        return images == 0 ? 0 : (double) active[u] / images;
    }

    /** The mean, over images, of the share of this layer's units active on it. */
    public double meanActivePerImage() {
        long total = 0;
        for (int a : active) {
            total += a;
        }
        return images == 0 ? 0 : (double) total / ((long) images * units());
    }

    /** Units active on more than half of the images. */
    public int mostlyActive() {
        int n = 0;
        for (int u = 0; u < units(); u++) {
            n += activeShare(u) > 0.5 ? 1 : 0;
        }
        return n;
    }

    /** Units never active on any image. */
    public List<Integer> dead() {
        List<Integer> out = new ArrayList<>();
        for (int u = 0; u < units(); u++) {
            if (active[u] == 0) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * The mean share of the largest slope that {@code units} pass back over the images: how much
     * of the gradient still flows through them (NaN for no units).
     */
    public double gradientShare(List<Integer> units) {
        if (units.isEmpty() || images == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int u : units) {
            sum += slope[u] / images;
        }
        return sum / units.size();
    }

    /** Units saturated on more than {@value #MOSTLY} of the images. */
    public List<Integer> saturatedUnits() {
        List<Integer> out = new ArrayList<>();
        for (int u = 0; u < units(); u++) {
            if (images > 0 && saturated[u] > MOSTLY * images) {
                out.add(u);
            }
        }
        return out;
    }
}
