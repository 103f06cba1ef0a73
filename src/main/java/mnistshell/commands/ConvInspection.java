package mnistshell.commands;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.List;
import mnistshell.data.Dataset;
import mnistshell.errors.ShellError;
import mnistshell.nn.Activation;
import mnistshell.inspect.ConvFilters;
import mnistshell.inspect.FeatureMaps;
import mnistshell.inspect.FilterActivity;
import mnistshell.inspect.LayerActivity;
import mnistshell.inspect.LayeredActivity;
import mnistshell.nn.layer.Dense;
import mnistshell.nn.layer.Sequential;
import mnistshell.render.FeatureMapText;
import mnistshell.render.FilterActivityText;
import mnistshell.render.FilterGridImage;
import mnistshell.render.FilterPictures;
import mnistshell.render.SafeText;

/**
 * What {@code view weights}, {@code weights --png}, {@code predict N --inside} and {@code
 * activations} print for a layered (conv) network: each a call the command makes once it holds a
 * {@link Sequential}, printing to {@code out}; a request that cannot be met is one {@link ShellError}
 * line, before anything is printed.
 */
final class ConvInspection {

    static final int COLUMNS = 80;

    private ConvInspection() {
    }

    /**
     * {@code view weights LAYER [F]}: the filters of W{@code weights}, each the mean of its input
     * channels; with {@code filter} F (null for all), that one filter's slice on every input channel.
     */
    static void filters(PrintStream out, Sequential net, int weights, Integer filter) {
        ConvFilters filters = convolution(net, weights, "view weights");
        if (filter != null && (filter < 0 || filter >= filters.filters())) {
            throw new ShellError("view weights: W" + weights + " has filters 0 to " + (filters.filters() - 1)
                    + ", found " + filter);
        }
        List<String> lines = filter == null ? FilterPictures.of(filters, COLUMNS)
                : FilterPictures.slices(filters, filter, COLUMNS);
        lines.forEach(out::println);
        if (filter == null && filters.channels() > 1) {
            out.printf("view weights %d F: filter F on each of its %d input channels%n", weights, filters.channels());
        }
    }

    /** {@code weights W1 --png FILE} for a convolution: every filter's every slice, through the atomic writer. */
    static void filtersPng(PrintStream out, Sequential net, int weights, String file) {
        ConvFilters filters = convolution(net, weights, "--png");
        BufferedImage img = FilterGridImage.draw(filters);
        PngFile.write(img, file);
        out.printf("wrote %s (%dx%d PNG)%n", SafeText.escape(file), img.getWidth(), img.getHeight());
        out.printf("  W%d: %d filters of %dx%d on %d input channel%s, red positive, blue negative%n", weights,
                filters.filters(), filters.kernel(), filters.kernel(), filters.channels(),
                filters.channels() == 1 ? "" : "s");
    }

    /** {@code predict N --inside}: image {@code x} (as the network takes it) layer by layer. */
    static void featureMaps(PrintStream out, Sequential net, double[] x) {
        FeatureMaps maps = FeatureMaps.of(net, x);
        FeatureMapText.of(maps, COLUMNS).forEach(out::println);
        if (maps.stages().stream().anyMatch(s -> s.contribution() != null)) {
            out.println("(most for class: output times d logit / d output, the unit's share of the logit)");
        }
    }

    /**
     * {@code activations}: over {@code images} of {@code data} (the training images), in
     * {@code engine}'s forward pass where it has one (the fast kernel's), prints every
     * convolution's filters (none for a layered net of dense and dropout layers), and returns every hidden dense layer's units for the command to print
     * as it prints a dense network's (its {@link LayerActivity#layer()} is its place in the stack).
     */
    static List<LayerActivity> activations(PrintStream out, mnistshell.nn.Network net, Dataset data, int[] images,
                                           mnistshell.nn.Engine engine) {
        return activations(out, LayeredActivity.of(net, data, images, engine));
    }

    /** As above, in the reference's forward pass. */
    static List<LayerActivity> activations(PrintStream out, Sequential net, Dataset data, int[] images) {
        return activations(out, LayeredActivity.of(net, data, images));
    }

    private static List<LayerActivity> activations(PrintStream out, LayeredActivity activity) {
        if (activity.filters().isEmpty() && activity.units().isEmpty()) {
            throw new ShellError("this network has no hidden layer");
        }
        for (FilterActivity layer : activity.filters()) {
            FilterActivityText.lines(layer, "training images").forEach(out::println);
        }
        return activity.units();
    }

    /** The activation of the dense layer {@code layer} (1 for the stack's first) of {@code net}. */
    static Activation denseActivation(Sequential net, int layer) {
        return ((Dense) net.layers().get(layer - 1)).activation();
    }

    /** W{@code weights} as a convolution, or one line naming the network's convolutions. */
    private static ConvFilters convolution(Sequential net, int weights, String what) {
        List<Integer> convs = ConvFilters.convolutions(net);
        if (!convs.contains(weights)) {
            List<String> names = convs.stream().map(w -> "W" + w).toList();
            throw new ShellError(what + ": W" + weights + " is not a convolution's weights; expected "
                    + (names.isEmpty() ? "a network with a convolution" : String.join(", ", names)));
        }
        return ConvFilters.of(net, weights);
    }
}
