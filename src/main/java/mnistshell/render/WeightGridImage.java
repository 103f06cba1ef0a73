package mnistshell.render;

import java.awt.image.BufferedImage;

/**
 * The first layer's units as a grid of pictures for reports: each unit's input weights laid out as
 * the image they weigh, white for 0, red for positive and blue for negative, the shade scaled to
 * the largest |weight| of all units (one scale, shown beneath by {@link #withColourScale}). Each
 * pixel is a {@code zoom} x {@code zoom} square; units are separated by a one-pixel grey line.
 */
public final class WeightGridImage {

    static final int GAP = 1;
    static final int GREY = 0x808080;

    private WeightGridImage() {
    }

    /** {@code units[u]} holds rows * cols weights, row by row; up to {@code across} units a row. */
    public static BufferedImage draw(double[][] units, int rows, int cols, int zoom, int across) {
        int per = Math.min(across, units.length);
        int down = (units.length + per - 1) / per;
        int cellW = cols * zoom + GAP;
        int cellH = rows * zoom + GAP;
        BufferedImage img = new BufferedImage(per * cellW + GAP, down * cellH + GAP, BufferedImage.TYPE_INT_RGB);
        fill(img, 0, 0, img.getWidth(), img.getHeight(), GREY);
        double scale = largest(units);
        for (int u = 0; u < units.length; u++) {
            int x0 = GAP + (u % per) * cellW;
            int y0 = GAP + (u / per) * cellH;
            for (int p = 0; p < rows * cols; p++) {
                fill(img, x0 + (p % cols) * zoom, y0 + (p / cols) * zoom, zoom, zoom, colour(units[u][p], scale));
            }
        }
        return img;
    }

    /** The grid with its colour scale beneath ({@link ColourScale}), every unit on the one scale of {@link #largest}. */
    public static BufferedImage withColourScale(double[][] units, int rows, int cols, int zoom, int across) {
        return ColourScale.under(draw(units, rows, cols, zoom, across), largest(units), "weight (one scale for every unit)");
    }

    /** White at 0, towards pure red (positive) or blue (negative) at |v| = scale. */
    static int colour(double v, double scale) {
        int fade = scale == 0 ? 255 : (int) Math.round(255 * (1 - Math.min(1, Math.abs(v) / scale)));
        return v >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
    }

    /** The largest |weight| of every unit: one scale for all, so that units compare by their colours. */
    public static double largest(double[][] units) {
        double m = 0;
        for (double[] w : units) {
            for (double v : w) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static void fill(BufferedImage img, int x, int y, int w, int h, int rgb) {
        for (int i = x; i < x + w; i++) {
            for (int j = y; j < y + h; j++) {
                img.setRGB(i, j, rgb);
            }
        }
    }
}
