package mnistshell.render;

import java.util.ArrayList;
import java.util.List;
import mnistshell.inspect.FilterActivity;

/**
 * What {@code activations} prints for a convolution, as it prints a dense layer: a header, the
 * mean share of its outputs active per image, the dead filters, and for up to {@value #BARS_UP_TO}
 * filters a bar each, the share of its positions active. Every line within 80 columns.
 */
public final class FilterActivityText {

    static final int COLUMNS = 80;
    static final int BARS_UP_TO = 16;
    static final int BAR_WIDTH = 40;
    static final String DEAD = "  dead (<= 0 at every position of every image): ";

    private FilterActivityText() {
    }

    /** {@code images} names what was seen: {@code training images}. */
    public static List<String> lines(FilterActivity layer, String images) {
        List<String> out = new ArrayList<>();
        String header = String.format("layer %d %s: %d filters, %s", layer.layer(), layer.token(), layer.filters(),
                layer.activation());
        String over = String.format("over %d %s", layer.images(), images);
        if (header.length() + 2 + over.length() <= COLUMNS) {
            out.add(header + ", " + over);
        } else {
            out.add(header);
            out.add("  " + over);
        }
        out.add("  mean share of outputs active (above 0) per image: " + Numbers.percent(layer.meanActiveShare()));
        out.add(deadLine(layer.dead()));
        if (layer.filters() <= BARS_UP_TO) {
            out.add("  share of its positions each filter is active on:");
            String[] labels = new String[layer.filters()];
            double[] shares = new double[layer.filters()];
            String[] marks = new String[layer.filters()];
            for (int f = 0; f < layer.filters(); f++) {
                labels[f] = "  filter " + f;
                shares[f] = layer.activeShare(f);
                marks[f] = layer.activeImages()[f] == 0 ? "dead" : "";
            }
            out.addAll(Bars.render(labels, shares, marks, BAR_WIDTH).lines().toList());
        }
        return out;
    }

    /** {@code  dead (...): none}, {@code 1 filter: 3} or {@code 3 filters: 1, 4, ...}, cut to 80 columns. */
    static String deadLine(List<Integer> dead) {
        if (dead.isEmpty()) {
            return DEAD + "none";
        }
        StringBuilder out = new StringBuilder(DEAD).append(dead.size()).append(dead.size() == 1 ? " filter: " : " filters: ");
        for (int i = 0; i < dead.size(); i++) {
            String next = (i == 0 ? "" : ", ") + dead.get(i);
            int room = i + 1 < dead.size() ? ", ...".length() : 0; // so that ", ..." still fits after it
            if (out.length() + next.length() + room > COLUMNS) {
                return out.append(i == 0 ? "..." : ", ...").toString();
            }
            out.append(next);
        }
        return out.toString();
    }
}
