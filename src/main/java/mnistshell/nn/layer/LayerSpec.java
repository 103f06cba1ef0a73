package mnistshell.nn.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mnistshell.errors.ShellError;
import mnistshell.errors.Values;
import mnistshell.nn.Activation;

/**
 * A network typed as one word: items joined by '-', each a layer, the input implied by the data.
 * <ul>
 * <li>{@code 64}: a dense layer of 64 units; the last item is the dense output, one unit a class;
 * <li>{@code conv8k5}: 8 filters of 5x5, valid padding; {@code conv8k5same}: same padding;
 * <li>{@code pool2}: 2x2 max pooling, stride 2;
 * <li>{@code drop0.25}: dropout at rate 0.25, in training only.
 * </ul>
 * A leading number is the input size, as in today's {@code 784-64-32-10}: it must be the data's.
 * Hidden dense and conv layers apply the hidden activation; the output layer gives the logits.
 */
public final class LayerSpec {

    /** The widest dense layer, as {@code init} allows today. */
    public static final int MAX_UNITS = 100_000;
    /** The most filters a convolution may have. */
    public static final int MAX_FILTERS = 4096;

    private static final Pattern CONV = Pattern.compile("conv([0-9]+)k([0-9]+)(same|valid)?");
    private static final String EXPECTED = "expected 64, conv8k5, conv8k5same, pool2 or drop0.25";

    private LayerSpec() {
    }

    /**
     * The layers of {@code spec} over samples of shape {@code input}, ending in {@code classes}
     * outputs. Their parameters are made when first asked for ({@link Sequential#initialise} draws
     * them), so that a spec can be shown and its memory weighed first. A bad spec is a
     * one-line {@link ShellError} naming the item and what was expected.
     */
    public static Sequential parse(String spec, Shape input, int classes, Activation hidden) {
        String[] items = spec.split("-", -1);
        int first = 0;
        if (startsWithDigit(items[0])) {
            int size = Values.intIn(where(items[0], 1) + "the input size", items[0], 1, Integer.MAX_VALUE);
            if (size != input.size()) {
                throw new ShellError("SPEC item 1 " + Values.shown(items[0]) + " is the input size: the images have "
                        + input.size() + " (" + input.channels() + "x" + input.height() + "x" + input.width() + ")");
            }
            if (items.length == 1) {
                throw new ShellError("SPEC " + Values.shown(spec) + " has no layers after the input size");
            }
            first = 1;
        }
        List<Layer> layers = new ArrayList<>();
        Shape at = input;
        for (int i = first; i < items.length; i++) {
            boolean last = i == items.length - 1;
            Layer layer = layer(items[i], i + 1, at, last ? null : hidden, layers.size());
            if (last && !(layer instanceof Dense && layer.out().size() == classes)) {
                throw new ShellError(where(items[i], i + 1) + "the last must be " + classes
                        + ", the output layer (one unit a class)");
            }
            layers.add(layer);
            at = layer.out();
        }
        return new Sequential(input, layers);
    }

    /** Item {@code number} of SPEC over {@code at}; {@code place} is its index among the layers. */
    private static Layer layer(String item, int number, Shape at, Activation hidden, int place) {
        if (item.isEmpty()) {
            throw new ShellError("SPEC item " + number + " is empty: " + EXPECTED);
        }
        try {
            if (startsWithDigit(item)) {
                return new Dense(at, count(item, item, number, "the size", MAX_UNITS), hidden);
            }
            Matcher conv = CONV.matcher(item);
            if (conv.matches()) {
                int filters = count(conv.group(1), item, number, "filters", MAX_FILTERS);
                int kernel = count(conv.group(2), item, number, "the kernel", MAX_UNITS);
                Padding padding = "same".equals(conv.group(3)) ? Padding.SAME : Padding.VALID;
                return new Conv(at, filters, kernel, padding, hidden);
            }
            if (item.startsWith("conv")) {
                throw new ShellError(where(item, number) + "expected convCkK[same], e.g. conv8k5 or conv8k5same");
            }
            if (item.equals("pool2")) {
                return new MaxPool(at);
            }
            if (item.startsWith("pool")) {
                throw new ShellError(where(item, number) + "expected pool2 (2x2 max pooling, stride 2)");
            }
            if (item.startsWith("drop")) {
                double rate = Values.number(where(item, number) + "the rate", item.substring(4),
                        Values.Range.fromUpTo(0, 1));
                return new Dropout(at, rate, place);
            }
        } catch (IllegalArgumentException e) {
            throw new ShellError(where(item, number) + e.getMessage());
        }
        throw new ShellError(where(item, number) + EXPECTED);
    }

    private static int count(String text, String item, int number, String what, int max) {
        return Values.intIn(where(item, number) + what, text, 1, max);
    }

    private static String where(String item, int number) {
        return "SPEC item " + number + " " + Values.shown(item) + ": ";
    }

    private static boolean startsWithDigit(String item) {
        return !item.isEmpty() && Character.isDigit(item.charAt(0));
    }
}
