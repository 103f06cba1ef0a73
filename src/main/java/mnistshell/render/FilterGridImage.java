package mnistshell.render;

import java.awt.image.BufferedImage;
import mnistshell.inspect.ConvFilters;

/**
 * A convolution's filters as a PNG picture, in {@code weights --png}'s colours ({@link
 * WeightGridImage}: white 0, red positive, blue negative, one scale for all, drawn beneath). One
 * input channel: the filters {@value #ACROSS} to a row. Several: a row per filter, a column per
 * input channel, every slice shown (nothing averaged).
 */
public final class FilterGridImage {

    /** Filters per row when each has one channel. */
    static final int ACROSS = 8;

    private FilterGridImage() {
    }

    /** Each filter about 40 pixels a side (a 5x5 filter's weight an 8x8 square; at least 4). */
    public static BufferedImage draw(ConvFilters filters) {
        return draw(filters, Math.max(4, 40 / filters.kernel()));
    }

    /** Each weight a {@code zoom} x {@code zoom} square, the colour scale beneath. */
    public static BufferedImage draw(ConvFilters filters, int zoom) {
        double[][] slices = filters.allSlices();
        int across = filters.channels() == 1 ? ACROSS : filters.channels();
        String label = filters.channels() == 1 ? "weight (one scale for every filter)"
                : "weight (a row per filter, a column per input channel)";
        int k = filters.kernel();
        return ColourScale.under(WeightGridImage.draw(slices, k, k, zoom, across), WeightGridImage.largest(slices),
                label);
    }
}
