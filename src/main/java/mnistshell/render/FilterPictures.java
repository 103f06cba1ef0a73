package mnistshell.render;

import java.util.ArrayList;
import java.util.List;
import mnistshell.inspect.ConvFilters;

/**
 * A convolution's filters as small pictures, in {@code view weights}' characters ({@link
 * WeightImage}: {@code . + * #} positive, {@code , - = %} negative, two characters a weight), laid
 * out as many to a row as fit. A filter over several input channels is shown as the mean of its
 * slices (the header says so); {@link #slices} shows one filter channel by channel.
 */
public final class FilterPictures {

    private FilterPictures() {
    }

    /**
     * Every filter, each on its own scale (its largest |w| is its darkest, as each dense unit is in
     * {@code view weights}), captioned with its number, in lines of at most {@code columns}.
     */
    public static List<String> of(ConvFilters filters, int columns) {
        int k = filters.kernel();
        List<String> out = new ArrayList<>();
        out.add(String.format("W%d %s (layer %d): %d filters of %dx%d", filters.weights(), filters.token(),
                filters.layer(), filters.filters(), k, k) + (filters.channels() == 1 ? ""
                        : " on " + filters.channels() + " input channels"));
        if (filters.channels() > 1) {
            out.add("  each drawn as the mean of its " + filters.channels() + " slices, one per input channel");
        }
        List<List<String>> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        double largest = 0;
        for (int f = 0; f < filters.filters(); f++) {
            double[] w = filters.mean(f);
            pictures.add(picture(w, k, WeightImage.maxAbs(w)));
            captions.add(Integer.toString(f));
            largest = Math.max(largest, WeightImage.maxAbs(w));
        }
        out.addAll(grid(pictures, captions, columns));
        out.add("positive " + WeightImage.POSITIVE.substring(1) + "  negative " + WeightImage.NEGATIVE.substring(1)
                + "  (a scale per filter; largest |w| " + Numbers.brief(largest) + ")");
        return out;
    }

    /** Filter {@code f} channel by channel, every slice on the filter's one scale, captioned {@code in C}. */
    public static List<String> slices(ConvFilters filters, int f, int columns) {
        int k = filters.kernel();
        double scale = WeightGridImage.largest(filters.slices()[f]);
        List<String> out = new ArrayList<>();
        out.add(String.format("W%d %s (layer %d), filter %d: a picture per input channel (%d)", filters.weights(),
                filters.token(), filters.layer(), f, filters.channels()));
        List<List<String>> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int c = 0; c < filters.channels(); c++) {
            pictures.add(picture(filters.slices()[f][c], k, scale));
            captions.add("in " + c);
        }
        out.addAll(grid(pictures, captions, columns));
        out.add("positive " + WeightImage.POSITIVE.substring(1) + "  negative " + WeightImage.NEGATIVE.substring(1)
                + "  (one scale: darkest = |w| " + Numbers.brief(scale) + ")");
        return out;
    }

    /** A k x k map (row by row) as k lines of 2k characters, shaded against {@code scale}. */
    static List<String> picture(double[] w, int k, double scale) {
        List<String> lines = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            StringBuilder line = new StringBuilder(2 * k);
            for (int c = 0; c < k; c++) {
                char shade = WeightImage.shade(w[r * k + c], scale);
                line.append(shade).append(shade);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Pictures of one size in a grid of {@code columns}, each cell widened to its caption when
     * the caption is wider (a 1x1 filter is two characters, caption {@code 12} or {@code in 3}).
     */
    static List<String> grid(List<List<String>> pictures, List<String> captions, int columns) {
        int width = pictures.get(0).get(0).length();
        for (String caption : captions) {
            width = Math.max(width, caption.length());
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<String> picture : pictures) {
            List<String> cell = new ArrayList<>();
            for (String line : picture) {
                cell.add(line + " ".repeat(width - line.length()));
            }
            cells.add(cell);
        }
        return Thumbnails.grid(cells, captions, Thumbnails.perRow(columns, width));
    }
}
