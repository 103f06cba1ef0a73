package mnistshell.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Learning curves for reports: loss (top panel, its own scale) and train and test accuracy (bottom
 * panel, 0 to 100%) over the updates, with a dashed vertical line where a setting changed. NaN
 * values (test accuracy not measured) are skipped.
 */
public final class CurvesImage {

    static final int WIDTH = 800;
    static final int PANEL = 260;
    static final int MARGIN = 50;
    static final Color LOSS = new Color(0x1f77b4);
    static final Color TRAIN = new Color(0xff7f0e);
    static final Color TEST = new Color(0x2ca02c);
    static final Color CHANGE = new Color(0x999999);

    private CurvesImage() {
    }

    /** Values are indexed by update position; {@code marks} are positions before which a setting changed. */
    public static BufferedImage draw(double[] loss, double[] train, double[] test, int[] marks) {
        BufferedImage img = new BufferedImage(WIDTH, 2 * PANEL + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double max = 0;
        for (double v : loss) {
            max = Double.isFinite(v) ? Math.max(max, v) : max;
        }
        panel(g, MARGIN / 2, "loss (0 to " + Numbers.brief(max) + ")", marks, loss.length);
        curve(g, loss, 0, max == 0 ? 1 : max, MARGIN / 2, LOSS);
        int second = MARGIN / 2 + PANEL + MARGIN;
        panel(g, second, "accuracy, 0 to 100%: train (orange), test (green)", marks, loss.length);
        curve(g, train, 0, 1, second, TRAIN);
        curve(g, test, 0, 1, second, TEST);
        g.dispose();
        return img;
    }

    private static void panel(Graphics2D g, int top, String title, int[] marks, int n) {
        g.setColor(Color.BLACK);
        g.drawRect(MARGIN, top, WIDTH - 2 * MARGIN, PANEL);
        g.drawString(title, MARGIN, top - 6);
        g.setColor(CHANGE);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        for (int m : marks) {
            int x = x(m, n);
            g.drawLine(x, top, x, top + PANEL);
        }
        g.setStroke(new BasicStroke(1.5f));
    }

    private static void curve(Graphics2D g, double[] values, double lo, double hi, int top, Color colour) {
        g.setColor(colour);
        int lastX = -1;
        int lastY = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            int x = x(i, values.length);
            int y = top + PANEL - (int) Math.round(PANEL * (values[i] - lo) / (hi - lo));
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            } else {
                g.fillRect(x - 1, y - 1, 3, 3);
            }
            lastX = x;
            lastY = y;
        }
    }

    private static int x(int i, int n) {
        return MARGIN + (int) Math.round((WIDTH - 2.0 * MARGIN) * (n <= 1 ? 0 : (double) i / (n - 1)));
    }
}
