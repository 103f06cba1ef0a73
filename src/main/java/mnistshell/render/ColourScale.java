package mnistshell.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A picture with its colour scale beneath: JFreeChart's {@link PaintScaleLegend}, a bar from blue
 * ({@code -max}) through white (0) to red ({@code +max}) in {@link WeightGridImage#colour}'s
 * colours, on a labelled axis with ticks. The picture itself stays as drawn, a square of pixels
 * per value: the library draws the scale, where axes and tick labels are what it does well.
 */
public final class ColourScale {

    /** Height of the strip under the picture, and the narrowest a picture with one is. */
    public static final int HEIGHT = 64;
    public static final int MIN_WIDTH = 360;
    static final int MARGIN = 12;

    private ColourScale() {
    }

    /** {@link WeightGridImage#colour}'s red-white-blue, from {@code -max} to {@code +max}. */
    record Diverging(double max) implements PaintScale {

        @Override
        public double getLowerBound() {
            return -max;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            return new Color(WeightGridImage.colour(value, max));
        }
    }

    /**
     * {@code picture} on white with the scale of {@code -max .. +max} under it, the axis named
     * {@code label}; widened to {@value #MIN_WIDTH} pixels if narrower. A max of 0 (all values 0,
     * so all white) gets a scale of -1 to 1.
     */
    public static BufferedImage under(BufferedImage picture, double max, String label) {
        double range = max > 0 && Double.isFinite(max) ? max : 1;
        int width = Math.max(picture.getWidth(), MIN_WIDTH);
        BufferedImage img = new BufferedImage(width, picture.getHeight() + HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, img.getHeight());
        g.drawImage(picture, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        legend(range, label).draw(g,
                new Rectangle2D.Double(MARGIN, picture.getHeight() + 4, width - 2 * MARGIN, HEIGHT - 6));
        g.dispose();
        return img;
    }

    static PaintScaleLegend legend(double max, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-max, max);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        PaintScaleLegend legend = new PaintScaleLegend(new Diverging(max), axis);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setStripWidth(12);
        legend.setStripOutlineVisible(true);
        legend.setSubdivisionCount(256);
        legend.setAxisOffset(2);
        legend.setPadding(new RectangleInsets(0, 0, 0, 0));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }
}
