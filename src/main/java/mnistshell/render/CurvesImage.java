package mnistshell.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Learning curves for reports, drawn by JFreeChart: the loss of each batch (top, its own scale)
 * and accuracy (bottom, 0 to 100%): of each batch before its update, and on the test images where
 * measured, over the update number. Each setting change is a dashed line labelled with what
 * changed. NaN values (test accuracy not measured) are left out.
 */
public final class CurvesImage {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 620;
    static final Color LOSS = new Color(0x1f77b4);
    static final Color BATCH = new Color(0xff7f0e);
    static final Color TEST = new Color(0x2ca02c);
    static final Color CHANGE = new Color(0x777777);

    private CurvesImage() {
    }

    /**
     * Values are indexed by update position (update {@code i + 1} at {@code i}); {@code changes}
     * maps the position before which a setting changed to what changed ("lr = 0.5").
     */
    public static BufferedImage draw(double[] loss, double[] batch, double[] test, Map<Integer, String> changes) {
        return draw(loss, batch, test, "test accuracy", changes);
    }

    /** As above, the held-out series named {@code heldOut} ("test accuracy", "validation accuracy"). */
    public static BufferedImage draw(double[] loss, double[] batch, double[] test, String heldOut,
                                     Map<Integer, String> changes) {
        return chart(loss, batch, test, heldOut, changes).createBufferedImage(WIDTH, HEIGHT);
    }

    /** The chart {@link #draw} pictures, for tests to read its series and legend. */
    static JFreeChart chart(double[] loss, double[] batch, double[] test, Map<Integer, String> changes) {
        return chart(loss, batch, test, "test accuracy", changes);
    }

    static JFreeChart chart(double[] loss, double[] batch, double[] test, String heldOut, Map<Integer, String> changes) {
        XYPlot top = plot(new NumberAxis("loss (cross-entropy)"), false, series("loss of each batch", loss, 1));
        top.getRenderer().setSeriesPaint(0, LOSS);
        NumberAxis percent = new NumberAxis("accuracy (%)");
        percent.setRange(0, 100);
        XYPlot bottom = plot(percent, true, series("batch accuracy, before each update", batch, 100),
                series(heldOut, test, 100));
        bottom.getRenderer().setSeriesPaint(0, BATCH);
        ((XYLineAndShapeRenderer) bottom.getRenderer()).setSeriesShapesVisible(0, false); // a point per update: a line

        bottom.getRenderer().setSeriesPaint(1, TEST);
        for (Map.Entry<Integer, String> c : changes.entrySet()) {
            top.addDomainMarker(marker(c.getKey() + 0.5, c.getValue()));
            bottom.addDomainMarker(marker(c.getKey() + 0.5, null));
        }
        NumberAxis updates = new NumberAxis("update");
        updates.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(updates);
        plot.setGap(12);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart("learning curves over " + loss.length + " updates",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A series of (update, value * scale), NaN left out. */
    private static XYSeries series(String name, double[] values, double scale) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                s.add(i + 1, values[i] * scale);
            }
        }
        return s;
    }

    private static XYPlot plot(NumberAxis range, boolean shapes, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        range.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        for (int k = 0; k < series.length; k++) {
            renderer.setSeriesStroke(k, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return plot;
    }

    /** A dashed line before update {@code x + 0.5}, labelled with the change when {@code label} is given. */
    private static ValueMarker marker(double x, String label) {
        ValueMarker m = new ValueMarker(x, CHANGE,
                new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            m.setLabelPaint(CHANGE.darker());
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        return m;
    }
}
