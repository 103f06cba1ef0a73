package mnistshell.render;

import java.awt.image.BufferedImage;

/**
 * The first layer's units as a grid of pictures for reports: each unit's input weights laid out as
 * the image they weigh, white for 0, red for positive and blue for negative, the shade scaled to
 * the largest |weight| of the unit. Each pixel is a {@code zoom} x {@code zoom} square; units are
 * separated by a one-pixel grey line.
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
        for (int u = 0; u < units.length; u++) {
            double scale = largest(units[u]);
            int x0 = GAP + (u % per) * cellW;
            int y0 = GAP + (u / per) * cellH;
            for (int p = 0; p < rows * cols; p++) {
                fill(img, x0 + (p % cols) * zoom, y0 + (p / cols) * zoom, zoom, zoom, colour(units[u][p], scale));
            }
        }
        return img;
    }

    /** Height of the colour scale strip under the grid, and the narrowest a picture with one is. */
    public static final int SCALE_HEIGHT = 44;
    public static final int SCALE_MIN_WIDTH = 360;
    static final int BAR_MARGIN = 12;

    /**
     * {@code grid} with a colour scale beneath it: a bar from blue (each unit's most negative
     * weight) through white (0) to red (its most positive), labelled, on a white strip; the
     * picture is widened to {@value #SCALE_MIN_WIDTH} pixels if the grid is narrower.
     */
    public static BufferedImage withColourScale(BufferedImage grid) {
        int width = Math.max(grid.getWidth(), SCALE_MIN_WIDTH);
        BufferedImage img = new BufferedImage(width, grid.getHeight() + SCALE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, img.getHeight());
        g.drawImage(grid, 0, 0, null);
        int top = grid.getHeight() + 6;
        int bar = width - 2 * BAR_MARGIN;
        for (int x = 0; x < bar; x++) {
            g.setColor(new java.awt.Color(colour(2.0 * x / (bar - 1) - 1, 1)));
            g.drawLine(BAR_MARGIN + x, top, BAR_MARGIN + x, top + 12);
        }
        g.setColor(java.awt.Color.BLACK);
        g.drawRect(BAR_MARGIN, top, bar - 1, 12);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        java.awt.FontMetrics m = g.getFontMetrics();
        int text = top + 12 + m.getAscent() + 3;
        String left = "-max |w|";
        String middle = "0 (each unit scaled to its own largest |w|)";
        String right = "+max |w|";
        g.drawString(left, BAR_MARGIN, text);
        g.drawString(middle, (width - m.stringWidth(middle)) / 2, text);
        g.drawString(right, width - BAR_MARGIN - m.stringWidth(right), text);
        g.dispose();
        return img;
    }

    /** White at 0, towards pure red (positive) or blue (negative) at |v| = scale. */
    static int colour(double v, double scale) {
        int fade = scale == 0 ? 255 : (int) Math.round(255 * (1 - Math.min(1, Math.abs(v) / scale)));
        return v >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
    }

    private static double largest(double[] w) {
        double m = 0;
        for (double v : w) {
            m = Math.max(m, Math.abs(v));
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
