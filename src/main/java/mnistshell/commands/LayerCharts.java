package mnistshell.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.function.ToDoubleFunction;
import mnistshell.nn.HiddenStats;
import mnistshell.nn.Network;
import mnistshell.nn.Tensor;
import mnistshell.render.BlockChart;
import mnistshell.render.LayersImage;
import mnistshell.render.LogChart;
import mnistshell.render.Numbers;
import mnistshell.train.History;

/**
 * {@code history --layers}: the layer statistics recorded at every update as text charts, per
 * weight matrix its upd/w (log scale, the usual 1e-3 guide) and its gradient's norm, per hidden
 * layer the mean and spread of its activations and the share off or saturated.
 */
final class LayerCharts {

    static final double GUIDE = 1e-3;

    private LayerCharts() {
    }

    /** {@code changes}: positions (updates made) at which a setting changed, as {@link HistoryCommand} marks them. */
    static void print(PrintStream out, List<History.Layers> layers, Network net, int[] changes) {
        int n = layers.size();
        int[] updates = layers.stream().mapToInt(History.Layers::update).toArray();
        int[] marks = marks(updates, changes);
        int span = updates[n - 1] - updates[0] + 1;
        int width = BlockChart.HISTORY_WIDTH;
        out.printf("layer statistics of updates %d to %d; %s%n", updates[0], updates[n - 1],
                n > width ? "a column the mean of about " + (n + width - 1) / width + " updates" : "a column each");
        if (span > n) {
            out.printf("recorded for %d of the %d updates (about every %d-th): a long run saved and loaded%n", n, span,
                    Math.round((double) span / n));
        }
        for (int l = 0; l < net.layers(); l++) {
            int k = 2 * l; // W of layer l+1 among W1, b1, W2, ...
            String w = "W" + (l + 1);
            Tensor t = net.tensors().get(k);
            out.printf("%s (%dx%d): upd/w, ||change|| / ||%s||, log scale; · at 1e-3, healthy%n",
                    w, t.rows(), t.columns(), w);
            LogChart.render(column(layers, x -> x.ratio()[k]), updates, marks, width, 6, GUIDE).forEach(out::println);
            out.printf("%s: gradient norm ||d%s||, log scale%n", w, w);
            LogChart.render(column(layers, x -> x.gradient()[k]), updates, marks, width, 4, Double.NaN).forEach(out::println);
        }
        String word = HiddenStats.saturates(net.hidden()) ? "saturated (slope under 5% of its largest)"
                : "off (output 0 or below)";
        for (int l = 0; l < net.statsLayers(); l++) {
            int h = l;
            out.printf("hidden layer %d (%d units, %s), on each update's batch:%n", l + 1, net.tensors().get(2 * l).rows(),
                    net.hidden());
            block(out, "  mean activation", column(layers, x -> x.mean()[h]), updates, marks, Numbers::brief);
            block(out, "  standard deviation", column(layers, x -> x.std()[h]), updates, marks, Numbers::brief);
            block(out, "  share " + word, column(layers, x -> x.inactive()[h]), updates, marks, Numbers::percent);
        }
    }

    /** The same series for {@link LayersImage}: a line per weight matrix and per hidden layer. */
    static LayersImage.Series series(List<History.Layers> layers, Network net) {
        List<LayersImage.Line> ratio = new java.util.ArrayList<>();
        List<LayersImage.Line> gradient = new java.util.ArrayList<>();
        for (int l = 0; l < net.layers(); l++) {
            int k = 2 * l;
            ratio.add(new LayersImage.Line("W" + (l + 1) + " upd/w", column(layers, x -> x.ratio()[k])));
            gradient.add(new LayersImage.Line("||dW" + (l + 1) + "||", column(layers, x -> x.gradient()[k])));
        }
        List<LayersImage.Line> mean = new java.util.ArrayList<>();
        List<LayersImage.Line> std = new java.util.ArrayList<>();
        List<LayersImage.Line> inactive = new java.util.ArrayList<>();
        String word = HiddenStats.saturates(net.hidden()) ? "saturated" : "off";
        for (int l = 0; l < net.statsLayers(); l++) {
            int h = l;
            mean.add(new LayersImage.Line("hidden " + (l + 1) + " mean", column(layers, x -> x.mean()[h])));
            std.add(new LayersImage.Line("hidden " + (l + 1) + " std", column(layers, x -> x.std()[h])));
            inactive.add(new LayersImage.Line("hidden " + (l + 1) + " " + word, column(layers, x -> x.inactive()[h])));
        }
        return new LayersImage.Series(layers.stream().mapToInt(History.Layers::update).toArray(), ratio, gradient,
                mean, std, inactive, word);
    }

    private static void block(PrintStream out, String title, double[] values, int[] updates, int[] marks,
                              java.util.function.DoubleFunction<String> format) {
        out.println(title);
        out.print(BlockChart.render(values, updates, marks, BlockChart.HISTORY_WIDTH, 3, format));
    }

    /** Each change as the position of the first recorded update it applied to (none after the last). */
    static int[] marks(int[] updates, int[] changes) {
        return java.util.Arrays.stream(changes).map(c -> {
            for (int i = 0; i < updates.length; i++) {
                if (updates[i] > c) {
                    return i;
                }
            }
            return -1;
        }).filter(i -> i >= 0).toArray();
    }

    private static double[] column(List<History.Layers> layers, ToDoubleFunction<History.Layers> f) {
        return layers.stream().mapToDouble(f).toArray();
    }
}
